package io.electa.cli.command;

import io.electa.cli.ElectaCommand;
import io.electa.cli.ElectionOption;
import io.electa.cli.Output;
import io.electa.cli.Services;
import io.electa.registry.v1.AbsenteeCertificate;
import io.electa.registry.v1.CancelAbsenteeCertificateRequest;
import io.electa.registry.v1.IssueAbsenteeCertificateRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Absentee certificates. */
@Command(name = "certificates", description = "Issue and cancel absentee certificates.",
        subcommands = {Certificates.Issue.class, Certificates.Cancel.class})
public final class Certificates {

    @Command(name = "issue", description = "Let a voter vote at another station.")
    static final class Issue extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Parameters(index = "0", paramLabel = "NATIONAL_ID")
        String nationalId;
        @Option(names = "--station", required = true, paramLabel = "CODE")
        String station;
        @Mixin
        Output output;

        @Override
        protected void run() {
            String requestId = Services.requestId();
            print(Services.retrying(() -> services().registry().issueAbsenteeCertificate(
                    IssueAbsenteeCertificateRequest.newBuilder().setElectionId(election.id).setNationalId(nationalId)
                            .setStationCode(station).setRequestId(requestId).build())).getCertificate(), output);
        }
    }

    @Command(name = "cancel", description = "Cancel an active certificate.")
    static final class Cancel extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Parameters(index = "0", paramLabel = "CERTIFICATE_ID")
        String certificate;
        @Option(names = "--reason", required = true)
        String reason;
        @Mixin
        Output output;

        @Override
        protected void run() {
            String requestId = Services.requestId();
            print(Services.retrying(() -> services().registry().cancelAbsenteeCertificate(
                    CancelAbsenteeCertificateRequest.newBuilder().setElectionId(election.id)
                            .setCertificateId(certificate).setReason(reason).setRequestId(requestId).build()))
                    .getCertificate(), output);
        }
    }

    static void print(AbsenteeCertificate c, Output output) {
        output.print(c, Output.Listing.of("certificate", "voter", "home", "station", "status")
                .row(c, c.getCertificateId(), c.getNationalId(), c.getHomeStationCode(), c.getStationCode(),
                        c.getStatus().name().replace("CERTIFICATE_STATUS_", ""))
                .build());
    }
}
