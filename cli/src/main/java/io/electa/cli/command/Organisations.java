package io.electa.cli.command;

import io.electa.cli.ElectaCommand;
import io.electa.cli.Output;
import io.electa.cli.Services;
import io.electa.observer.v1.Contact;
import io.electa.observer.v1.CreateOrganisationRequest;
import io.electa.observer.v1.ListOrganisationsRequest;
import io.electa.observer.v1.ListOrganisationsResponse;
import io.electa.observer.v1.Organisation;
import io.electa.observer.v1.OrganisationType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Organisations that send observers. */
@Command(name = "organisations", description = "Create and list the organisations that send observers.",
        subcommands = {Organisations.Create.class, Organisations.ListAll.class})
public final class Organisations {
    /** The kinds of organisation, as the command line names them. */
    enum Kind {
        international(OrganisationType.ORGANISATION_TYPE_INTERNATIONAL_ORGANISATION),
        parliament(OrganisationType.ORGANISATION_TYPE_FOREIGN_PARLIAMENT),
        government(OrganisationType.ORGANISATION_TYPE_FOREIGN_GOVERNMENT),
        ngo(OrganisationType.ORGANISATION_TYPE_DOMESTIC_NGO),
        proxy(OrganisationType.ORGANISATION_TYPE_CANDIDATE_OR_PARTY_PROXY);

        final OrganisationType type;

        Kind(OrganisationType type) {
            this.type = type;
        }
    }

    @Command(name = "create", description = "Create an organisation.")
    static final class Create extends ElectaCommand {
        @Parameters(index = "0", paramLabel = "ORGANISATION", description = "Its id, e.g. osce-odihr.")
        String id;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--type", required = true, description = "international, parliament, government, ngo or proxy.")
        Kind kind;
        @Option(names = "--country", required = true, paramLabel = "CC", description = "ISO 3166-1 alpha-2.")
        String country;
        @Option(names = "--contact", required = true, description = "The contact person.")
        String contact;
        @Option(names = "--email", required = true)
        String email;
        @Option(names = "--phone", description = "E.164, e.g. +4930123456.")
        String phone = "";
        @Mixin
        Output output;

        @Override
        protected void run() {
            String requestId = Services.requestId();
            Organisation o = Services.retrying(() -> services().observer().createOrganisation(
                    CreateOrganisationRequest.newBuilder().setOrganisationId(id).setName(name).setType(kind.type)
                            .setCountry(country).setContact(Contact.newBuilder().setName(contact).setEmail(email)
                                    .setPhone(phone)).setRequestId(requestId).build())).getOrganisation();
            output.print(listing(java.util.List.of(o)));
        }
    }

    @Command(name = "list", description = "List the organisations.")
    static final class ListAll extends ElectaCommand {
        @Mixin
        Output output;

        @Override
        protected void run() {
            java.util.List<Organisation> all = new java.util.ArrayList<>();
            String token = "";
            do {
                ListOrganisationsResponse page = services().observer().listOrganisations(ListOrganisationsRequest
                        .newBuilder().setPageSize(1000).setPageToken(token).build());
                all.addAll(page.getOrganisationsList());
                token = page.getNextPageToken();
            } while (!token.isEmpty());
            output.print(listing(all));
        }
    }

    static Output.Listing listing(java.util.List<Organisation> organisations) {
        Output.Listing.Builder listing = Output.Listing.of("organisation", "name", "type", "country");
        for (Organisation o : organisations) {
            listing.row(o, o.getOrganisationId(), o.getName(), Views.name(o.getType(), "ORGANISATION_TYPE_"),
                    o.getCountry());
        }
        return listing.build();
    }
}
