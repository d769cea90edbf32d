package io.electa.cli.command;

import io.electa.cli.Electa;
import io.electa.cli.ElectaCommand;
import io.electa.cli.Endpoints;
import io.electa.cli.ExitCodes;
import io.electa.cli.LocalRun;
import io.electa.cli.demo.ElectionDay;
import io.electa.cli.demo.Scale;
import io.electa.local.LocalSuite;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `electa demo`: the reference election day, played through the public RPCs. */
@Command(name = "demo", description = "Play the reference election day through the services' public RPCs: election, "
        + "125 districts, 6,537 stations, the roll imported from CSV, candidates, 790 observers accredited and "
        + "deployed, roll frozen, polls opened, voters marked at their stations, observer reports, polls closed, every "
        + "protocol (some refused, some quarantined and reviewed), live results, certification, the NIST export and "
        + "the ledger verified. Deterministic from the seed. Starts the suite itself (embedded PostgreSQL unless "
        + "$ELECTA_DB is set) unless one is running.")
public final class Demo extends ElectaCommand {
    @Option(names = "--scale", defaultValue = "national", description = "tiny (16,000 voters, 40 stations), national "
            + "(650,000 voters, the whole geography and all observers) or full (6.5 million voters); default "
            + "${DEFAULT-VALUE}.")
    Scale.Preset preset;
    @Option(names = "--voters", paramLabel = "N", description = "Voters on the roll instead of the scale's.")
    Long voters;
    @Option(names = "--seed", defaultValue = "2027", description = "The seed everything is drawn from (default "
            + "${DEFAULT-VALUE}).")
    long seed;
    @Mixin
    LocalRun run;

    @Override
    public Integer call() {
        Scale scale = voters == null ? preset.scale : preset.scale.withVoters(voters);
        Electa root = (Electa) spec.root().userObject();
        Endpoints endpoints = root.endpoints();
        root.useLocalHome(run.home());
        LocalSuite suite = null;
        if (!listening(endpoints.registryAddress())) {
            suite = LocalSuite.start(run.settings(endpoints), step -> {
                out().println("demo: " + step);
                out().flush();
            });
            out().println("demo: the public results site is at " + suite.siteAddress() + " while the demo runs");
            out().flush();
        }
        try {
            boolean met = new ElectionDay(services(), scale, seed, run.home(), out(), err()).play();
            return met ? ExitCodes.OK : ExitCodes.FAILURE;
        } finally {
            if (suite != null) {
                out().println("demo: stopping the suite it started");
                out().flush();
                suite.close();
            }
        }
    }

    /** Whether something listens at host:port (a suite already running). */
    private static boolean listening(String address) {
        int colon = address.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1))), 1_000);
            return true;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }
}
