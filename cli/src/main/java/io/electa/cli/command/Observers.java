package io.electa.cli.command;

import com.google.protobuf.util.Timestamps;
import io.electa.cli.ElectaCommand;
import io.electa.cli.ElectionOption;
import io.electa.cli.ExitCodes;
import io.electa.cli.Failures.UsageFailure;
import io.electa.cli.Output;
import io.electa.cli.Services;
import io.electa.client.badge.BadgeVerifier;
import io.electa.observer.v1.Accreditation;
import io.electa.observer.v1.AccreditationStatus;
import io.electa.observer.v1.ApplyForAccreditationRequest;
import io.electa.observer.v1.ApproveAccreditationRequest;
import io.electa.observer.v1.AssignObserverRequest;
import io.electa.observer.v1.Assignment;
import io.electa.observer.v1.BadgeCredential;
import io.electa.observer.v1.BadgePayload;
import io.electa.observer.v1.FileReportRequest;
import io.electa.observer.v1.GetBadgeCredentialRequest;
import io.electa.observer.v1.GetSigningKeyRequest;
import io.electa.observer.v1.GetStatisticsRequest;
import io.electa.observer.v1.StationCount;
import io.electa.observer.v1.IncidentCategory;
import io.electa.observer.v1.IncidentEntry;
import io.electa.observer.v1.IncidentSeverity;
import io.electa.observer.v1.ListAccreditationsRequest;
import io.electa.observer.v1.ListAccreditationsResponse;
import io.electa.observer.v1.MissionRole;
import io.electa.observer.v1.ObserverPerson;
import io.electa.observer.v1.RefuseAccreditationRequest;
import io.electa.observer.v1.Report;
import io.electa.observer.v1.RevokeAccreditationRequest;
import io.electa.observer.v1.SigningKey;
import io.electa.observer.v1.Statistics;
import io.electa.observer.v1.VerifyBadgeRequest;
import io.electa.observer.v1.VerifyBadgeResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** International and domestic observers: accreditation, badges, deployment, reports. */
@Command(name = "observers", description = "Accredit observers, check their badges, deploy them, file their reports.",
        subcommands = {Observers.Apply.class, Observers.Approve.class, Observers.Refuse.class, Observers.Revoke.class,
                Observers.ListAll.class, Observers.Badge.class, Observers.SigningKeyCommand.class,
                Observers.VerifyBadge.class, Observers.Assign.class, Observers.FileReport.class,
                Observers.Stats.class})
public final class Observers {
    /** Mission roles as the command line names them. */
    enum Role {
        head(MissionRole.MISSION_ROLE_HEAD_OF_MISSION),
        core(MissionRole.MISSION_ROLE_CORE_TEAM),
        long_term(MissionRole.MISSION_ROLE_LONG_TERM_OBSERVER),
        short_term(MissionRole.MISSION_ROLE_SHORT_TERM_OBSERVER),
        parliamentarian(MissionRole.MISSION_ROLE_PARLIAMENTARIAN),
        interpreter(MissionRole.MISSION_ROLE_INTERPRETER),
        proxy(MissionRole.MISSION_ROLE_PROXY);

        final MissionRole role;

        Role(MissionRole role) {
            this.role = role;
        }
    }

    @Command(name = "apply", description = "Apply for an observer's accreditation (PENDING until decided).")
    static final class Apply extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Option(names = "--organisation", required = true, paramLabel = "ORGANISATION")
        String organisation;
        @Option(names = "--given-name", required = true)
        String givenName;
        @Option(names = "--family-name", required = true)
        String familyName;
        @Option(names = "--citizenship", required = true, paramLabel = "CC", description = "ISO 3166-1 alpha-2.")
        String citizenship;
        @Option(names = "--document", required = true, paramLabel = "NUMBER", description = "Passport or ID number.")
        String document;
        @Option(names = "--born", required = true, paramLabel = "YYYY-MM-DD")
        LocalDate born;
        @Option(names = "--role", defaultValue = "short_term", description = "head, core, long_term, short_term, "
                + "parliamentarian, interpreter or proxy (default: ${DEFAULT-VALUE}).")
        Role role;
        @Option(names = "--accept-code-of-conduct", required = true,
                description = "The observer accepted the code of conduct (required).")
        boolean codeOfConduct;
        @Mixin
        Output output;

        @Override
        protected void run() {
            String requestId = Services.requestId();
            Accreditation a = Services.retrying(() -> services().observer().applyForAccreditation(
                    ApplyForAccreditationRequest.newBuilder().setElectionId(election.id).setOrganisationId(organisation)
                            .setObserver(ObserverPerson.newBuilder().setGivenName(givenName).setFamilyName(familyName)
                                    .setCitizenship(citizenship).setIdentityDocumentNumber(document)
                                    .setDateOfBirth(Elections.date(born)))
                            .setMissionRole(role.role).setCodeOfConductAccepted(codeOfConduct)
                            .setRequestId(requestId).build())).getAccreditation();
            output.print(listing(List.of(a)));
        }
    }

    /** A decision on one accreditation, made once under one request_id and printed as its listing. */
    private abstract static class Decision extends ElectaCommand {
        @Parameters(index = "0", paramLabel = "ACCREDITATION")
        String accreditation;
        @Mixin
        Output output;

        /** The decision's call for {@code requestId}; its answer's accreditation. */
        abstract Accreditation decide(String requestId);

        @Override
        protected void run() {
            String requestId = Services.requestId();
            output.print(listing(List.of(Services.retrying(() -> decide(requestId)))));
        }
    }

    @Command(name = "approve", description = "Approve an accreditation: the observer gets a badge number.")
    static final class Approve extends Decision {
        @Override
        Accreditation decide(String requestId) {
            return services().observer().approveAccreditation(ApproveAccreditationRequest.newBuilder()
                    .setAccreditationId(accreditation).setRequestId(requestId).build()).getAccreditation();
        }
    }

    @Command(name = "refuse", description = "Refuse an application, with the reason the applicant is told.")
    static final class Refuse extends Decision {
        @Option(names = "--reason", required = true)
        String reason;

        @Override
        Accreditation decide(String requestId) {
            return services().observer().refuseAccreditation(RefuseAccreditationRequest.newBuilder()
                    .setAccreditationId(accreditation).setReason(reason).setRequestId(requestId).build())
                    .getAccreditation();
        }
    }

    @Command(name = "revoke", description = "Revoke an approved accreditation: the badge stops verifying.")
    static final class Revoke extends Decision {
        @Option(names = "--reason", required = true)
        String reason;

        @Override
        Accreditation decide(String requestId) {
            return services().observer().revokeAccreditation(RevokeAccreditationRequest.newBuilder()
                    .setAccreditationId(accreditation).setReason(reason).setRequestId(requestId).build())
                    .getAccreditation();
        }
    }

    @Command(name = "list", description = "List an election's accreditations.")
    static final class ListAll extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Option(names = "--organisation", paramLabel = "ORGANISATION")
        String organisation = "";
        @Option(names = "--citizenship", paramLabel = "CC")
        String citizenship = "";
        @Option(names = "--status", description = "pending, approved, refused or revoked.")
        String status;
        @Mixin
        Output output;

        @Override
        protected void run() {
            ListAccreditationsRequest.Builder request = ListAccreditationsRequest.newBuilder().setElectionId(election.id)
                    .setOrganisationId(organisation).setCitizenship(citizenship).setPageSize(1000);
            if (status != null) {
                request.setStatus(status(status));
            }
            List<Accreditation> all = new ArrayList<>();
            do {
                ListAccreditationsResponse page = services().observer().listAccreditations(request.build());
                all.addAll(page.getAccreditationsList());
                request.setPageToken(page.getNextPageToken());
            } while (!request.getPageToken().isEmpty());
            output.print(listing(all));
        }

        private static AccreditationStatus status(String name) {
            try {
                return AccreditationStatus.valueOf("ACCREDITATION_STATUS_" + name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageFailure("--status: " + name + " is not pending, approved, refused or revoked");
            }
        }
    }

    @Command(name = "badge", description = "Print an approved observer's signed badge: the QR text, checkable "
            + "offline with `observers verify-badge`.")
    static final class Badge extends ElectaCommand {
        @Parameters(index = "0", paramLabel = "ACCREDITATION")
        String accreditation;
        @Option(names = "--qr-file", paramLabel = "FILE", description = "Also write the QR text to FILE.")
        Path qrFile;

        @Override
        protected void run() throws IOException {
            BadgeCredential credential = services().observer().getBadgeCredential(GetBadgeCredentialRequest
                    .newBuilder().setAccreditationId(accreditation).build()).getCredential();
            if (qrFile != null) {
                Files.writeString(qrFile, credential.getQrText() + "\n");
            }
            out().println(credential.getQrText());
            out().flush();
        }
    }

    @Command(name = "signing-key", description = "Print a published badge-signing key as PEM, for offline checks.")
    static final class SigningKeyCommand extends ElectaCommand {
        @Parameters(index = "0", paramLabel = "KEY_ID", description = "The key id (the badge's key_id).")
        String keyId;

        @Override
        protected void run() {
            out().print(signingKeyOf(services(), keyId).getPublicKeyPem());
            out().flush();
        }
    }

    @Command(name = "verify-badge", description = "Check a badge's QR text offline: the Ed25519 signature with the "
            + "published key (--key FILE.pem, or fetched once by its key id) and its expiry. --online also asks the "
            + "observer service whether it was revoked. Exit code 0 when valid, 1 otherwise.")
    static final class VerifyBadge extends ElectaCommand {
        @Parameters(index = "0", paramLabel = "QR_TEXT|@FILE", description = "The QR text, or @FILE holding it.")
        String qr;
        @Option(names = "--key", paramLabel = "FILE.pem", description = "The published key (see `signing-key`).")
        Path keyFile;
        @Option(names = "--key-id", paramLabel = "KEY_ID", description = "Fetch this published key instead.")
        String keyId;
        @Option(names = "--online", description = "Also ask the observer service whether the badge was revoked.")
        boolean online;

        @Override
        public Integer call() throws IOException {
            String text = qr.startsWith("@") ? Files.readString(Path.of(qr.substring(1))) : qr;
            BadgeVerifier verifier = verifier();
            BadgeVerifier.Check check = verifier.check(text, Instant.now());
            if (check.payload().isEmpty()) {
                out().println(check.verdict() + ": " + check.explanation());
                out().flush();
                return ExitCodes.FAILURE;
            }
            BadgePayload badge = check.payload().get();
            out().println(check.verdict() + ": badge " + badge.getBadgeNumber() + " of " + badge.getGivenName() + " "
                    + badge.getFamilyName() + " (" + badge.getCitizenship() + "), " + badge.getOrganisationName()
                    + ", " + Views.name(badge.getMissionRole(), "MISSION_ROLE_") + ", election "
                    + badge.getElectionId() + "; " + check.explanation());
            boolean valid = check.valid();
            if (online && valid) {
                VerifyBadgeResponse status = services().observer().verifyBadge(VerifyBadgeRequest.newBuilder()
                        .setBadgeNumber(badge.getBadgeNumber()).build());
                out().println("online: " + Views.name(status.getStatus(), "BADGE_STATUS_"));
                valid = status.getStatus() == io.electa.observer.v1.BadgeStatus.BADGE_STATUS_VALID;
            }
            out().flush();
            return valid ? ExitCodes.OK : ExitCodes.FAILURE;
        }

        private BadgeVerifier verifier() throws IOException {
            if (keyFile != null) {
                return BadgeVerifier.ofPem(Files.readString(keyFile));
            }
            if (keyId == null) {
                throw new UsageFailure("give the published key: --key FILE.pem, or --key-id KEY_ID to fetch it");
            }
            return BadgeVerifier.ofRawKey(signingKeyOf(services(), keyId).getPublicKey().toByteArray());
        }
    }

    @Command(name = "assign", description = "Deploy an approved observer to a polling station.")
    static final class Assign extends ElectaCommand {
        @Parameters(index = "0", paramLabel = "ACCREDITATION")
        String accreditation;
        @Parameters(index = "1", paramLabel = "STATION")
        String station;
        @Mixin
        Output output;

        @Override
        protected void run() {
            String requestId = Services.requestId();
            Assignment a = Services.retrying(() -> services().observer().assignObserver(AssignObserverRequest
                    .newBuilder().setAccreditationId(accreditation).setStationCode(station).setRequestId(requestId)
                    .build())).getAssignment();
            output.print(Output.Listing.of("assignment", "accreditation", "station", "district", "assigned")
                    .row(a, a.getAssignmentId(), a.getAccreditationId(), a.getStationCode(), a.getDistrictCode(),
                            Views.time(a.getAssignTime()))
                    .build());
        }
    }

    @Command(name = "report", description = "File an observer's report from a station visit (while polls are open "
            + "or after), with any incidents.")
    static final class FileReport extends ElectaCommand {
        @Parameters(index = "0", paramLabel = "ACCREDITATION")
        String accreditation;
        @Parameters(index = "1", paramLabel = "STATION")
        String station;
        @Option(names = "--arrived", required = true, paramLabel = "INSTANT", description = "e.g. 2027-03-14T07:30:00Z")
        Instant arrived;
        @Option(names = "--left", required = true, paramLabel = "INSTANT")
        Instant left;
        @Option(names = "--incident", paramLabel = "CATEGORY:SEVERITY:DESCRIPTION",
                description = "An incident, e.g. campaigning:medium:'Posters inside the station'. Repeatable.")
        List<String> incidents = new ArrayList<>();
        @Mixin
        Output output;

        @Override
        protected void run() {
            FileReportRequest.Builder request = FileReportRequest.newBuilder().setAccreditationId(accreditation)
                    .setStationCode(station).setArrivalTime(Timestamps.fromMillis(arrived.toEpochMilli()))
                    .setDepartureTime(Timestamps.fromMillis(left.toEpochMilli()))
                    .setRequestId(Services.requestId());
            for (String incident : incidents) {
                request.addIncidents(incident(incident));
            }
            Report r = Services.retrying(() -> services().observer().fileReport(request.build())).getReport();
            output.print(Output.Listing.of("report", "accreditation", "station", "district", "assigned", "incidents")
                    .row(r, r.getReportId(), r.getAccreditationId(), r.getStationCode(), r.getDistrictCode(),
                            r.getAssigned(), r.getIncidentsCount())
                    .build());
        }

        static IncidentEntry incident(String text) {
            String[] parts = text.split(":", 3);
            if (parts.length != 3) {
                throw new UsageFailure("--incident " + text + ": expected CATEGORY:SEVERITY:DESCRIPTION");
            }
            try {
                return IncidentEntry.newBuilder()
                        .setCategory(IncidentCategory.valueOf("INCIDENT_CATEGORY_" + upper(parts[0])))
                        .setSeverity(IncidentSeverity.valueOf("INCIDENT_SEVERITY_" + upper(parts[1])))
                        .setDescription(parts[2]).build();
            } catch (IllegalArgumentException e) {
                throw new UsageFailure("--incident " + text + ": unknown category or severity");
            }
        }

        private static String upper(String name) {
            return name.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        }
    }

    @Command(name = "stats", description = "Observation statistics: accredited observers by organisation and "
            + "citizenship, station coverage, reports and incidents, and the stations with the most incidents.")
    static final class Stats extends ElectaCommand {
        /** The stations with the most incidents are listed, at most this many. */
        private static final int MOST_INCIDENT_STATIONS = 10;

        @Mixin
        ElectionOption election;
        @Mixin
        Output output;

        @Override
        protected void run() {
            Statistics s = services().observer().getStatistics(GetStatisticsRequest.newBuilder()
                    .setElectionId(election.id).build()).getStatistics();
            Output.Listing.Builder listing = Output.Listing.of("measure", "value")
                    .row(s, "observers accredited", s.getObserversAccredited())
                    .row(s, "stations covered", s.getStationsCovered() + " of " + s.getStationsTotal() + " ("
                            + s.getCoverage().getPercent() + " %)")
                    .row(s, "stations assigned", s.getStationsAssigned())
                    .row(s, "reports", s.getReports())
                    .row(s, "incidents", s.getIncidents());
            s.getByCitizenshipList().stream().limit(10).forEach(c -> listing.row(s, "citizens of " + c.getCountry(),
                    c.getObservers()));
            s.getByOrganisationList().forEach(o -> listing.row(s, "from " + o.getName(), o.getObservers()));
            s.getIncidentsByCategoryList().forEach(c -> listing.row(s, "incidents: "
                    + Views.name(c.getCategory(), "INCIDENT_CATEGORY_"), c.getIncidents()));
            s.getByStationList().stream().filter(station -> station.getIncidents() > 0)
                    .sorted(Comparator.comparingLong(StationCount::getIncidents).reversed()
                            .thenComparing(StationCount::getStationCode))
                    .limit(MOST_INCIDENT_STATIONS)
                    .forEach(station -> listing.row(s, "station " + station.getStationCode() + ": incidents / reports",
                            station.getIncidents() + " / " + station.getReports()));
            output.print(s, listing.build());
        }
    }

    static SigningKey signingKeyOf(Services services, String keyId) {
        return services.observer().getSigningKey(GetSigningKeyRequest.newBuilder().setKeyId(keyId).build()).getKey();
    }

    static Output.Listing listing(List<Accreditation> accreditations) {
        Output.Listing.Builder listing = Output.Listing.of("accreditation", "observer", "citizenship", "organisation",
                "role", "status", "badge", "reason");
        for (Accreditation a : accreditations) {
            listing.row(a, a.getAccreditationId(), a.getObserver().getGivenName() + " "
                    + a.getObserver().getFamilyName(), a.getObserver().getCitizenship(), a.getOrganisationId(),
                    Views.name(a.getMissionRole(), "MISSION_ROLE_"), Views.name(a.getStatus(), "ACCREDITATION_STATUS_"),
                    a.getBadgeNumber(), a.getRefusalReason().isEmpty() ? a.getRevocationReason() : a.getRefusalReason());
        }
        return listing.build();
    }
}
