package io.electa.cli.command;

import com.google.protobuf.Timestamp;
import io.electa.cli.ElectaCommand;
import io.electa.cli.Output;
import io.electa.common.v1.AuditEvent;
import io.electa.common.v1.AuditFilter;
import io.electa.common.v1.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The services' audit trails: who changed what, when, in which role, with which outcome. */
@Command(name = "audit", description = "Read the audit trails the services keep of every change.",
        subcommands = {Audit.ListEvents.class})
public final class Audit {
    /** The services whose trails can be read. */
    enum Service { registry, tally, observer }

    @Command(name = "list", description = "List the changes the services recorded, oldest first (of several "
            + "services: by time), filtered by the options given. Needs the AUDITOR or COMMISSION_ADMIN role.")
    static final class ListEvents extends ElectaCommand {
        @Option(names = "--service", split = ",", paramLabel = "NAME", description = "registry, tally and/or "
                + "observer, comma-separated (default: all three).")
        List<Service> services = List.of(Service.values());
        @Option(names = {"-e", "--election"}, paramLabel = "ELECTION", description = "Only changes of this election.")
        String election = "";
        @Option(names = "--subject", paramLabel = "SUBJECT", description = "Only changes by this caller.")
        String subject = "";
        @Option(names = "--rpc", paramLabel = "NAME", description = "Only changes through this RPC, e.g. "
                + "CertifyResults.")
        String rpc = "";
        @Option(names = "--request-id", paramLabel = "ID", description = "Only the change of this request_id.")
        String requestId = "";
        @Option(names = "--since", paramLabel = "INSTANT", description = "Only changes at or after this ISO-8601 "
                + "instant, e.g. 2027-02-07T06:00:00Z.")
        Instant since;
        @Option(names = "--until", paramLabel = "INSTANT", description = "Only changes before this instant.")
        Instant until;
        @Mixin
        Output output;

        @Override
        protected void run() {
            AuditFilter.Builder filter = AuditFilter.newBuilder().setElectionId(election).setSubject(subject)
                    .setRpc(rpc).setRequestId(requestId);
            if (since != null) {
                filter.setStartTime(timestamp(since));
            }
            if (until != null) {
                filter.setEndTime(timestamp(until));
            }
            List<Found> found = new ArrayList<>();
            for (Service service : services) {
                pages(service, filter.build()).forEach(event -> found.add(new Found(service, event)));
            }
            found.sort(Comparator.comparingLong((Found f) -> f.event().getEventTime().getSeconds())
                    .thenComparingInt(f -> f.event().getEventTime().getNanos())
                    .thenComparing(Found::service).thenComparingLong(f -> f.event().getEventId()));
            Output.Listing.Builder listing = Output.Listing.of("time", "service", "subject", "roles", "scope", "rpc",
                    "election", "target", "outcome", "request");
            for (Found f : found) {
                AuditEvent e = f.event();
                listing.row(e, Views.time(e.getEventTime()), f.service(), e.getSubject(),
                        e.getRolesList().stream().map(Role::name).collect(Collectors.joining(" ")), scope(e),
                        e.getRpc().substring(e.getRpc().indexOf('/') + 1), e.getElectionId(), e.getTarget(),
                        e.getOutcome(), e.getRequestId());
            }
            output.print(listing.build());
        }

        private List<AuditEvent> pages(Service service, AuditFilter filter) {
            BiFunction<AuditFilter, String, Page> read = switch (service) {
                case registry -> (f, token) -> {
                    var page = services().registry().listAuditEvents(io.electa.registry.v1.ListAuditEventsRequest
                            .newBuilder().setFilter(f).setPageSize(1000).setPageToken(token).build());
                    return new Page(page.getEventsList(), page.getNextPageToken());
                };
                case tally -> (f, token) -> {
                    var page = services().tally().listAuditEvents(io.electa.tally.v1.ListAuditEventsRequest
                            .newBuilder().setFilter(f).setPageSize(1000).setPageToken(token).build());
                    return new Page(page.getEventsList(), page.getNextPageToken());
                };
                case observer -> (f, token) -> {
                    var page = services().observer().listAuditEvents(io.electa.observer.v1.ListAuditEventsRequest
                            .newBuilder().setFilter(f).setPageSize(1000).setPageToken(token).build());
                    return new Page(page.getEventsList(), page.getNextPageToken());
                };
            };
            List<AuditEvent> events = new ArrayList<>();
            String token = "";
            do {
                Page page = read.apply(filter, token);
                events.addAll(page.events());
                token = page.next();
            } while (!token.isEmpty());
            return events;
        }

        private static String scope(AuditEvent e) {
            List<String> parts = new ArrayList<>();
            if (!e.getScopeStationCode().isEmpty()) {
                parts.add("station " + e.getScopeStationCode());
            }
            if (!e.getScopeDistrictCode().isEmpty()) {
                parts.add("district " + e.getScopeDistrictCode());
            }
            if (!e.getScopeAccreditationId().isEmpty()) {
                parts.add("accreditation " + e.getScopeAccreditationId());
            }
            return String.join(", ", parts);
        }

        private static Timestamp timestamp(Instant at) {
            return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
        }

        private record Found(Service service, AuditEvent event) {
        }

        private record Page(List<AuditEvent> events, String next) {
        }
    }
}
