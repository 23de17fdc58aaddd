package dev.rareclass.app.cli;

import dev.rareclass.domain.usecase.ReportRequest;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --plots DIR}, for every command that writes a report. */
final class PlotsOption {

    @Option(names = "--plots", paramLabel = "DIR",
            description = "Also write every chart of the report as a PNG into DIR (needs the report; put in place "
                    + "with it, at the end).")
    Path plots;

    /**
     * @param report the report asked for, or null for none
     * @param option how it is asked for, named when charts are asked without it
     */
    ReportRequest with(Path report, String option) {
        return ReportRequest.of(report, plots, option);
    }
}
