package io.electa.cli;

import io.electa.cli.command.Audit;
import io.electa.cli.command.Candidates;
import io.electa.cli.command.Certificates;
import io.electa.cli.command.Demo;
import io.electa.cli.command.Districts;
import io.electa.cli.command.Elections;
import io.electa.cli.command.Ledger;
import io.electa.cli.command.Mark;
import io.electa.cli.command.Observers;
import io.electa.cli.command.Organisations;
import io.electa.cli.command.PollBook;
import io.electa.cli.command.Polls;
import io.electa.cli.command.Protocols;
import io.electa.cli.command.Results;
import io.electa.cli.command.Roll;
import io.electa.cli.command.Stations;
import io.electa.cli.command.Token;
import io.electa.cli.command.Turnout;
import io.electa.cli.command.Up;
import io.electa.cli.command.Voters;
import io.electa.cli.command.WhereDoIVote;
import io.electa.local.LocalSuite;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** `electa`: the back office of the central election commission, on the command line. */
@Command(name = "electa", mixinStandardHelpOptions = true, version = "electa 1.0.0",
        description = "The back office of a central election commission: every task over gRPC.",
        subcommands = {Up.class, Demo.class, Elections.class, Districts.class, Stations.class, Voters.class,
                WhereDoIVote.class, Roll.class, Polls.class, Mark.class, PollBook.class, Certificates.class,
                Turnout.class, Candidates.class, Protocols.class, Results.class, Ledger.class, Organisations.class,
                Observers.class, Token.class, Audit.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed outside the services (a file, a row)", "2:wrong command line",
                "3:INVALID_ARGUMENT", "4:NOT_FOUND", "5:ALREADY_EXISTS", "6:FAILED_PRECONDITION",
                "7:UNAUTHENTICATED or PERMISSION_DENIED", "8:UNAVAILABLE and the like: try again later",
                "9:another failure of a service", "10:an import rejected rows", "11:the ledger does not verify"})
public final class Electa implements Runnable {
    @Mixin
    Endpoints endpoints;
    @Mixin
    Credentials credentials;

    private Path localHome = LocalRun.defaultHome();
    private boolean joinedLocalRun;
    private Services services;

    /** The data folder of the local run this invocation starts or joins (its signing key); before services(). */
    public synchronized void useLocalHome(Path home) {
        this.localHome = home;
        this.joinedLocalRun = true;
    }

    /** Where the services listen, as given on the command line or in the environment. */
    public Endpoints endpoints() {
        return endpoints;
    }

    /** The services this invocation talks to (connected on first use). */
    public synchronized Services services() {
        if (services == null) {
            services = new Services(endpoints, credentials.interceptor(LocalSuite.keys(localHome)),
                    endpoints.tlsIdentity(localHome, joinedLocalRun));
        }
        return services;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The command line with Electa's error handling; tests run it in-process. */
    public static CommandLine commandLine(Electa root) {
        return new CommandLine(root)
                .setExecutionExceptionHandler(new Failures())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line, printing to {@code out} and {@code err}; its exit code. Tests call it in-process. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Electa root = new Electa();
        try {
            return commandLine(root).setOut(out).setErr(err).execute(args);
        } finally {
            if (root.services != null) {
                root.services.close();
            }
            out.flush();
            err.flush();
        }
    }
}
