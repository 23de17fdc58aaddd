package dev.rareclass.domain.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.experiment.TableProfile.Description;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TableProfileTest {

    private static final int N = 200;

    private static Table table(List<Column> columns, int[] y) {
        int[] numbers = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            numbers[i] = i + 1;
        }
        return new Table("t.csv", columns, Labels.of(y), new LabelMapping("y", "1"), numbers, List.of());
    }

    private static int[] labels() {
        int[] y = new int[N];
        for (int i = 0; i < N; i += 10) {
            y[i] = 1;
        }
        return y;
    }

    private static float[] noise(long seed) {
        Random r = new Random(seed);
        float[] v = new float[N];
        for (int i = 0; i < N; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    @Test
    void ordinaryColumnsRaiseNoWarning() {
        int[] y = labels();
        Description d = TableProfile.describe(table(List.of(new NumericColumn("a", noise(1)),
                new NumericColumn("b", noise(2))), y));
        assertThat(d.warnings()).isEmpty();
        assertThat(d.columns()).noneMatch(TableProfile.ColumnSummary::idLike);
    }

    @Test
    void flagsConstantAndIdLikeColumnsIncludingIntegerIds() {
        int[] y = labels();
        float[] id = new float[N];
        float[] constant = new float[N];
        String[] names = new String[N];
        String[] docs = new String[N];
        for (int i = 0; i < N; i++) {
            id[i] = 1000 + (i * 7) % N;
            constant[i] = 3;
            names[i] = "asteroid " + i;
            docs[i] = "document " + i;
        }
        List<String> levels = new ArrayList<>();
        int[] codes = new int[N];
        for (int i = 0; i < N; i++) {
            levels.add(names[i]);
            codes[i] = i;
        }
        Description d = TableProfile.describe(table(List.of(new NumericColumn("id", id),
                new NumericColumn("const", constant), new CategoricalColumn("name", levels, codes),
                new NumericColumn("x", noise(3)), new TextColumn("review", docs)), y));
        assertThat(d.columns().stream().filter(TableProfile.ColumnSummary::idLike).map(c -> c.name()))
                .containsExactly("id", "name");
        assertThat(d.warnings()).containsExactly(
                "column 'id' looks like an ID (every row differs); a model can only memorise it (--drop it)",
                "column 'const' is constant; it carries no information (--drop it)",
                "column 'name' looks like an ID (every row differs); a model can only memorise it (--drop it)");
    }

    @Test
    void warnsOfAColumnEqualToTheLabel() {
        int[] y = labels();
        float[] copy = new float[N];
        for (int i = 0; i < N; i++) {
            copy[i] = y[i];
        }
        Description d = TableProfile.describe(table(List.of(new NumericColumn("copy", copy)), y));
        assertThat(d.warnings()).containsExactly("column 'copy' equals the label (leakage: --drop it)");
    }

    @Test
    void warnsOfAThresholdThatNearlySeparatesTheClasses() {
        int[] y = labels();
        float[] leak = noise(4);
        for (int i = 0; i < N; i++) {
            leak[i] = y[i] == 1 ? 10 + leak[i] : Math.min(leak[i], 5);
        }
        leak[3] = 11; // one negative on the positive side: still 99.7% balanced accuracy
        Description d = TableProfile.describe(table(List.of(new NumericColumn("after_the_fact", leak)), y));
        assertThat(d.warnings()).singleElement().asString()
                .startsWith("column 'after_the_fact' nearly determines the label: after_the_fact > ")
                .contains("99.72% balanced accuracy");
        // the reverse direction is found too
        float[] reversed = leak.clone();
        for (int i = 0; i < N; i++) {
            reversed[i] = -reversed[i];
        }
        assertThat(TableProfile.describe(table(List.of(new NumericColumn("r", reversed)), y)).warnings())
                .singleElement().asString().contains("r <= ");
    }

    @Test
    void warnsOfACategoryThatMarksThePositives() {
        int[] y = labels();
        int[] codes = new int[N];
        Random r = new Random(5);
        for (int i = 0; i < N; i++) {
            codes[i] = y[i] == 1 ? 2 : r.nextInt(2);
        }
        Description d = TableProfile.describe(table(List.of(
                new CategoricalColumn("status", List.of("open", "pending", "charged-back"), codes)), y));
        assertThat(d.warnings()).singleElement().asString()
                .contains("status = 'charged-back' -> positive has 100.00% balanced accuracy");
    }

    @Test
    void countsMissingValuesPerColumnAndWarnsThatTrainingRefusesThem() {
        int[] y = labels();
        float[] a = noise(7);
        a[0] = Float.NaN;
        a[5] = Float.NaN;
        int[] codes = new int[N];
        codes[9] = -1;
        Description d = TableProfile.describe(table(List.of(new NumericColumn("a", a), new NumericColumn("b", noise(8)),
                new CategoricalColumn("c", List.of("x", "y"), codes)), y));
        assertThat(d.columns()).extracting(TableProfile.ColumnSummary::missing).containsExactly(2, 0, 1);
        assertThat(d.warnings()).contains("3 missing values in 2 columns ('a' 2, 'c' 1); training refuses them "
                + "unless --missing drop, mean, median or most-frequent");
    }

    @Test
    void aThresholdBelow99PercentIsNoLeak() {
        int[] y = labels();
        float[] v = noise(6);
        for (int i = 0; i < N; i++) {
            v[i] += y[i] == 1 ? 2 : 0;
        }
        assertThat(TableProfile.describe(table(List.of(new NumericColumn("signal", v)), y)).warnings()).isEmpty();
    }

    /** Thousands of constant columns (a wide sparse file) give twenty warnings and one count, not thousands of lines. */
    @Test
    void manyConstantColumnsAreCountedAfterTheFirstTwenty() {
        List<Column> columns = new java.util.ArrayList<>();
        for (int c = 0; c < 1000; c++) {
            columns.add(new NumericColumn("f" + c, new float[N]));
        }
        TableProfile.Description d = TableProfile.describe(table(columns, labels()));
        assertThat(d.warnings().stream().filter(w -> w.contains("is constant"))).hasSize(20);
        assertThat(d.warnings()).contains("980 more columns are constant (1000 in all, up to 'f999')");
    }
}
