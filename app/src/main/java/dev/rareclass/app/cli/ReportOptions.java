package dev.rareclass.app.cli;

import dev.rareclass.domain.error.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --plots DIR}, shared by every command that writes a report. */
final class ReportOptions {

    @Option(names = "--plots", paramLabel = "DIR",
            description = "Also write every chart of the report as a PNG into DIR (needs a report).")
    Path plots;

    Optional<Path> plots() {
        return Optional.ofNullable(plots);
    }

    /** Refuses {@code --plots} without the report it draws. */
    void requireReportFor(Object report, String reportOption) {
        if (plots != null && report == null) {
            throw new UsageException("--plots draws the report's charts; give " + reportOption + " too");
        }
    }

    /** One line naming the files a report wrote. */
    static void printWritten(PrintWriter out, List<Path> files) {
        long pngs = files.stream().filter(f -> f.getFileName().toString().endsWith(".png")).count();
        StringBuilder sb = new StringBuilder("Report:");
        files.stream().filter(f -> !f.getFileName().toString().endsWith(".png")).forEach(f -> sb.append(' ').append(f));
        if (pngs > 0) {
            sb.append(" (and ").append(pngs).append(" PNG charts in ")
                    .append(files.stream().filter(f -> f.getFileName().toString().endsWith(".png")).findFirst()
                            .map(Path::getParent).map(String::valueOf).orElse("")).append(')');
        }
        out.println(sb);
    }
}
