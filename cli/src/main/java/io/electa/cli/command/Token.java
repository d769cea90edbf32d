package io.electa.cli.command;

import io.electa.cli.ElectaCommand;
import io.electa.cli.Failures;
import io.electa.cli.LocalRun;
import io.electa.client.auth.Grant;
import io.electa.client.auth.LocalTokenKeys;
import io.electa.common.v1.Role;
import io.electa.local.LocalSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `electa token`: bearer tokens of a local run. */
@Command(name = "token", description = "Bearer tokens of a local run (in production the commission's identity "
        + "provider issues them).", subcommands = Token.Issue.class)
public final class Token {
    private Token() {
    }

    /** `electa token issue`: a token signed with the local run's key, printed on one line. */
    @Command(name = "issue", description = "Sign a token with the local run's key (made by `electa up` in its data "
            + "folder, which the services it started trust) and print it; use it with --token or $ELECTA_TOKEN.")
    public static final class Issue extends ElectaCommand {
        @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE", description = "A role, e.g. "
                + "STATION_CLERK; repeat or separate with commas. One of: ${COMPLETION-CANDIDATES}.")
        List<Role> roles;
        @Option(names = "--station", paramLabel = "CODE", description = "The station of a STATION_CLERK.")
        String station;
        @Option(names = "--district", paramLabel = "CODE", description = "The district of a DISTRICT_COMMISSION, "
                + "or of a TALLY_SUPERVISOR (none: the whole election).")
        String district;
        @Option(names = "--accreditation", paramLabel = "ID", description = "The accreditation of an OBSERVER.")
        String accreditation;
        @Option(names = "--subject", paramLabel = "NAME", description = "Who acts (default: your user name).")
        String subject = System.getProperty("user.name");
        @Option(names = "--ttl", defaultValue = "PT8H", paramLabel = "DURATION", description = "How long it is valid, "
                + "ISO-8601 (default ${DEFAULT-VALUE}).")
        Duration ttl;
        @Mixin
        LocalRun run;

        @Override
        protected void run() {
            if (roles.contains(Role.ROLE_UNSPECIFIED) || roles.contains(Role.UNRECOGNIZED)) {
                throw new Failures.UsageFailure("not a role: " + roles);
            }
            Path keys = LocalSuite.keys(run.home());
            if (!Files.exists(keys.resolve(LocalTokenKeys.FILE))) {
                throw new Failures.UsageFailure("no local signing key in " + keys
                        + ": start the suite with `electa up` first (or give --home)");
            }
            Grant grant = new Grant(EnumSet.copyOf(roles), station, district, accreditation);
            out().println(LocalTokenKeys.in(keys).signer(LocalTokenKeys.LOCAL_ISSUER).issue(subject, grant, ttl));
        }
    }
}
