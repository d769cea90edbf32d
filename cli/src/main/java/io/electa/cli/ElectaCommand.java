package io.electa.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command of `electa`: it reaches the services through the root command's endpoints. */
public abstract class ElectaCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    protected Services services() {
        return ((Electa) spec.root().userObject()).services();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public Integer call() throws Exception {
        run();
        return ExitCodes.OK;
    }

    /** The command's work; override {@link #call()} instead to choose the exit code. */
    protected void run() throws Exception {
    }
}
