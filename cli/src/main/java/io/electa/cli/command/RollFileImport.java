package io.electa.cli.command;

import io.electa.cli.ElectaCommand;
import io.electa.cli.ElectionOption;
import io.electa.registry.v1.ImportReport;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * An import of the roll from a CSV file: the counts printed, rejected rows written to the report
 * file, exit code 10 when there were any.
 */
abstract class RollFileImport extends ElectaCommand {
    @Mixin
    ElectionOption election;
    @Parameters(index = "0", paramLabel = "FILE.csv")
    Path file;
    @Option(names = "--report", paramLabel = "FILE.csv", description = "Where rejected rows go "
            + "(default: FILE.rejected.csv).")
    Path report;

    /** Streams the file to the registry; its report. */
    abstract ImportReport send();

    @Override
    public Integer call() {
        return Reports.print(send(), report != null ? report : Reports.defaultReport(file), out());
    }
}
