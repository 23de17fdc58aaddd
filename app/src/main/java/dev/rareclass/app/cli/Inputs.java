package dev.rareclass.app.cli;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.preprocess.MissingPolicy;
import dev.rareclass.domain.usecase.ReportRequest;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The inputs and outputs commands share, as picocli mixins: one declaration each, one description each. */
final class Inputs {

    private Inputs() {
    }

    /** {@code DATA} and every data option, for the commands that read one table. */
    static final class Table {
        @Parameters(index = "0", paramLabel = "DATA",
                description = "The table (any format --format names; .gz is read transparently).")
        Path data;

        @Mixin
        DataOptionsMixin options;

        DataOptions toDomain() {
            return options.toDomain(data);
        }

        /** The imputation part of {@code --missing}, for preprocessing. */
        MissingPolicy missing() {
            return options.missingPolicy();
        }
    }

    /** {@code MODEL DATA} and every data option: a saved model and a table it reads as its training data was. */
    static final class ModelAndTable {
        @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by train or tune --out.")
        Path model;

        @Parameters(index = "1", paramLabel = "DATA",
                description = "The table; read as the model's training data was, unless options say otherwise.")
        Path data;

        @Mixin
        DataOptionsMixin options;

        DataOptions toDomain() {
            return options.toDomain(data);
        }

        ReadingOptions given() {
            return options.given();
        }
    }

    /** {@code --report FILE.html} and {@code --plots DIR}: one model's report. */
    static final class ModelReportFile {
        @Option(names = "--report", paramLabel = "FILE.html",
                description = "Also write a self-contained HTML report (metrics, confusion matrix, ROC and PR curves, "
                        + "threshold, score distribution by class, learning curves), with a Markdown summary beside it "
                        + "(FILE.md).")
        Path report;

        @Mixin
        PlotsOption plots;

        ReportRequest request() {
            return plots.with(report, "--report FILE.html");
        }
    }

    /** {@code --report DIR} and {@code --plots DIR}: an experiment's results and report. */
    static final class ResultsFolder {
        @Option(names = "--report", paramLabel = "DIR",
                description = "Write leaderboard.csv, results.json, a self-contained HTML report (report.html) and a "
                        + "Markdown summary (summary.md) into DIR.")
        Path report;

        @Mixin
        PlotsOption plots;

        ReportRequest request() {
            return plots.with(report, "--report DIR");
        }
    }

    /** {@code --jobs N}. */
    static final class Jobs {
        @Option(names = "--jobs", paramLabel = "N",
                description = "Parallel tasks (default: the number of cores). Results do not depend on it.")
        Integer jobs;

        int orCores() {
            return jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        }
    }
}
