package dev.rareclass.app.cli;

import dev.rareclass.domain.error.Quoting;
import dev.rareclass.domain.experiment.TableProfile.ColumnSummary;
import dev.rareclass.domain.experiment.TableProfile.Description;
import dev.rareclass.domain.usecase.ClusterModelUseCase;
import dev.rareclass.domain.usecase.DescribeUseCase;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rareclass describe}: what a table holds. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = {"Rows, columns with simple statistics, constant columns, and the class balance of a table (with "
                + "--label and --positive; for a format that labels its rows itself, a text corpus or LibSVM, the rows "
                + "of each class without --positive).",
                "Missing values are counted per column, not refused (--missing drop drops their rows first)."})
final class DescribeCommand extends CliCommand {

    private static String g(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.5g", v);
    }

    /** At most this many classes are listed; the rest are counted. */
    private static final int CLASSES_SHOWN = 20;

    /** Characters of a class's name shown at most. */
    private static final int CLASS_NAME_SHOWN = 60;

    /**
     * The label's values and their rows, rarest first: {@code label 'label': 2 classes, 'pos' 12 (40.00%), 'neg' 18
     * (60.00%); --positive names the rare one}.
     */
    static String classes(dev.rareclass.domain.experiment.TableProfile.ClassCounts c) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "label '%s': %d class%s", c.column(),
                c.counts().size(), c.counts().size() == 1 ? "" : "es"));
        int total = c.total();
        int shown = 0;
        for (var e : c.counts()) {
            if (shown++ == CLASSES_SHOWN) {
                line.append(", and ").append(c.counts().size() - CLASSES_SHOWN).append(" more");
                break;
            }
            // a class folder's name may hold an escape sequence or be hundreds of characters long
            line.append(", '").append(Quoting.clipped(e.getKey(), CLASS_NAME_SHOWN)).append('\'');
            for (String other : c.spellings().getOrDefault(e.getKey(), List.of())) {
                line.append(" or '").append(Quoting.clipped(other, CLASS_NAME_SHOWN)).append('\'');
            }
            line.append(String.format(Locale.ROOT, " %d (%.2f%%)", e.getValue(), 100.0 * e.getValue() / total));
        }
        return line.append(c.counts().size() == 1 ? "; a classifier needs two" : "; --positive names the rare one")
                .toString();
    }

    @Mixin
    Inputs.Table table;

    @Mixin
    EngineOptions engine;

    private final DescribeUseCase describe;
    private final ClusterModelUseCase onCluster;

    @Inject
    DescribeCommand(DescribeUseCase describe, ClusterModelUseCase onCluster) {
        this.describe = describe;
        this.onCluster = onCluster;
    }

    @Override
    public Integer call() {
        Description d = engine.onCluster()
                ? onCluster.describe(new ClusterModelUseCase.DescribeRequest(table.toDomain(),
                        engine.settings(common.verbose)), progress())
                : describe.describe(new DescribeUseCase.Request(table.toDomain()), progress());
        d.notes().forEach(progress()::note);
        PrintWriter out = out();
        out.printf(Locale.ROOT, "%s: %d rows, %d feature columns%n", d.source(), d.rows(), d.columns().size());
        d.label().ifPresent(l -> out.printf(Locale.ROOT, "label '%s': %d positive ('%s'), %d negative, positive rate %.2f%%%n",
                l.column(), l.positives(), l.positiveValue(), l.negatives(), 100 * l.positiveRate()));
        d.classes().ifPresent(c -> out.println(classes(c)));
        out.println();
        out.printf(Locale.ROOT, "%-28s %-11s %8s %12s %12s %12s %12s %9s  %s%n", "column", "type", "missing", "min", "max",
                "mean", "std", "distinct", "note");
        for (ColumnSummary c : d.columns()) {
            String note = c.constant() ? "constant" : c.idLike() ? "ID-like" : "";
            out.printf(Locale.ROOT, "%-28s %-11s %8d %12s %12s %12s %12s %9d  %s%n", c.name(), c.type(), c.missing(),
                    g(c.min()), g(c.max()), g(c.mean()), g(c.std()), c.distinct(), note);
        }
        if (!d.warnings().isEmpty()) {
            out.println();
            d.warnings().forEach(w -> out.println("warning: " + w));
        }
        out.flush();
        return 0;
    }
}
