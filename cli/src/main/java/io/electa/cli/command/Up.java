package io.electa.cli.command;

import io.electa.cli.Electa;
import io.electa.cli.ElectaCommand;
import io.electa.cli.ExitCodes;
import io.electa.cli.LocalRun;
import io.electa.local.LocalSuite;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `electa up`: the whole suite on this machine until Ctrl-C. */
@Command(name = "up", description = "Start PostgreSQL (embedded, unless $ELECTA_DB=host:port names a server) and the "
        + "registry, tally and observer service and the public results site as separate processes; print their "
        + "addresses; stop everything cleanly on Ctrl-C.")
public final class Up extends ElectaCommand {
    @Mixin
    LocalRun run;

    @Override
    public Integer call() throws InterruptedException {
        LocalSuite.Settings settings = run.settings(((Electa) spec.root().userObject()).endpoints());
        LocalSuite suite = LocalSuite.start(settings, step -> {
            err().println("up: " + step);
            err().flush();
        });
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            err().println("up: stopping the services, then the database");
            err().flush();
            suite.close();
        }, "electa-up-stop"));
        out().println("registry  " + suite.registryAddress());
        out().println("tally     " + suite.tallyAddress());
        out().println("observer  " + suite.observerAddress());
        out().println("site      " + suite.siteAddress() + " (the public results site)");
        out().println("database  " + suite.databaseServer() + " (databases electa_registry, electa_tally, "
                + "electa_observer; role electa)");
        out().println("client certificate  " + LocalSuite.backOffice(settings.home()) + " (mutual TLS; the command "
                + "line presents it to these ports by itself, elsewhere give --tls DIR)");
        out().println("The suite is up (gRPC with reflection on each port). Ctrl-C stops it.");
        out().flush();
        while (suite.isAlive() || stopping.get()) {
            Thread.sleep(1_000);
        }
        err().println("up: a service stopped on its own; see the logs in " + settings.home().resolve("logs"));
        err().flush();
        suite.close();
        return ExitCodes.FAILURE;
    }
}
