package dev.rareclass.domain.usecase;

import dev.rareclass.domain.error.UsageException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a report goes, when one is asked for: an HTML file (a model's report) or a folder (an experiment's),
 * and optionally a folder for every chart as a PNG.
 *
 * @param target the report's file or folder
 * @param plots  the charts' folder
 */
public record ReportRequest(Optional<Path> target, Optional<Path> plots) {

    public static final ReportRequest NONE = new ReportRequest(Optional.empty(), Optional.empty());

    public ReportRequest {
        if (plots.isPresent() && target.isEmpty()) {
            throw new UsageException("--plots draws the report's charts; give the report too");
        }
    }

    /**
     * @param target the report, or null for none
     * @param plots  the charts' folder, or null for none
     * @param option how the report is asked for ({@code --report DIR}), named when charts come without it
     */
    public static ReportRequest of(Path target, Path plots, String option) {
        if (plots != null && target == null) {
            throw new UsageException("--plots draws the report's charts; give " + option + " too");
        }
        return new ReportRequest(Optional.ofNullable(target), Optional.ofNullable(plots));
    }

    public boolean wanted() {
        return target.isPresent();
    }
}
