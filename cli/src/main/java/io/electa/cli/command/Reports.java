package io.electa.cli.command;

import io.electa.cli.ExitCodes;
import io.electa.cli.imports.RollImport;
import io.electa.registry.v1.ImportReport;
import java.io.PrintWriter;
import java.nio.file.Path;

/** How an import's report is told: counts on the output, rejected rows in a report file. */
final class Reports {
    private Reports() {
    }

    static Path defaultReport(Path file) {
        String name = file.getFileName().toString();
        String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return file.resolveSibling(base + ".rejected.csv");
    }

    /** Prints the counts; writes the rejected rows; the exit code says whether any row was rejected. */
    static int print(ImportReport report, Path rejectedFile, PrintWriter out) {
        out.println("received " + report.getReceived() + ", created " + report.getAccepted() + ", updated "
                + report.getUpdated() + ", unchanged " + report.getUnchanged() + ", rejected " + report.getRejected());
        if (RollImport.writeRejections(report, rejectedFile)) {
            out.println("rejected rows: " + rejectedFile
                    + (report.getRejectionsOmitted() > 0 ? " (the first " + report.getRejectionsCount() + "; "
                            + report.getRejectionsOmitted() + " more not listed)" : ""));
            out.flush();
            return ExitCodes.ROWS_REJECTED;
        }
        out.flush();
        return ExitCodes.OK;
    }
}
