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

    /**
     * The statistics of a numeric column are pandas' {@code describe}: reference from pandas 1.5.3,
     * {@code pd.Series([1.5, np.nan, 4.0, 2.25, 10.0, np.nan]).describe()} gives count 4.0, mean 4.4375 and std
     * 3.8534346151626 (ddof = 1, not numpy's default 0, 3.3371722685531235); {@code pd.Series([3.0, np.nan])
     * .describe()['std']} is nan.
     */
    @Test
    void numericStatisticsAreThoseOfPandasDescribe() {
        float[] values = {1.5f, Float.NaN, 4.0f, 2.25f, 10.0f, Float.NaN};
        float[] single = {3.0f, Float.NaN, Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        Description d = TableProfile.describe(table(List.of(new NumericColumn("a", values),
                new NumericColumn("b", single)), new int[] {1, 0, 0, 0, 1, 0}));
        TableProfile.ColumnSummary a = d.columns().get(0);
        assertThat(a.missing()).isEqualTo(2);
        assertThat(a.min()).isEqualTo(1.5);
        assertThat(a.max()).isEqualTo(10.0);
        assertThat(a.mean()).isEqualTo(4.4375);
        assertThat(a.std()).isCloseTo(3.8534346151626, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(d.columns().get(1).std()).isNaN();
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

    /** Distinct values are counted as a {@code HashSet<Float>} counts them (0.0 and -0.0 apart, NaN not at all), up to the cap. */
    @Test
    void countsDistinctValuesAsFloatEqualsTellsThemApartUpToTheCap() {
        Random r = new Random(11);
        int n = 150_000;
        float[] many = new float[n];
        float[] few = new float[n];
        for (int i = 0; i < n; i++) {
            many[i] = r.nextInt(10) == 0 ? Float.NaN : (float) r.nextGaussian();
            few[i] = switch (i % 5) {
                case 0 -> 0.0f;
                case 1 -> -0.0f;
                case 2 -> Float.NaN;
                case 3 -> 1e-40f; // subnormal
                default -> r.nextInt(50);
            };
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i += 50) {
            y[i] = 1;
        }
        int[] numbers = java.util.stream.IntStream.rangeClosed(1, n).toArray();
        Description d = TableProfile.describe(new Table("t.csv", List.of(new NumericColumn("many", many),
                new NumericColumn("few", few)), Labels.of(y), new LabelMapping("y", "1"), numbers, List.of()));
        assertThat(d.columns()).extracting(TableProfile.ColumnSummary::distinct)
                .containsExactly(boxedDistinct(many), boxedDistinct(few));
        assertThat(boxedDistinct(many)).isEqualTo(TableProfile.DISTINCT_CAP);
        assertThat(boxedDistinct(few)).isEqualTo(52); // -0.0, 1e-40 and 0..49 (0.0 among them)
    }

    /** The count as it was made before: boxed floats in a HashSet, added while it holds fewer than the cap. */
    private static int boxedDistinct(float[] values) {
        java.util.Set<Float> set = new java.util.HashSet<>();
        for (float v : values) {
            if (!Float.isNaN(v) && set.size() < TableProfile.DISTINCT_CAP) {
                set.add(v);
            }
        }
        return set.size();
    }

    /**
     * The histogram that lets most columns skip sorting never changes a verdict: on columns whose best threshold
     * falls on either side of 99% balanced accuracy (shifted classes, a few crossing values, ties, rounded and
     * missing values), the warnings are those of the full sweep over every threshold, written out below.
     */
    @Test
    void theLeakageShortcutAgreesWithTheFullSweep() {
        int[] y = labels();
        Random r = new Random(12);
        int flagged = 0;
        int quiet = 0;
        for (int trial = 0; trial < 400; trial++) {
            float[] v = new float[N];
            double shift = 1 + r.nextDouble() * 9;
            int crossing = r.nextInt(4);
            double round = r.nextInt(3) == 0 ? 0.5 : 0;
            for (int i = 0; i < N; i++) {
                double x = r.nextGaussian() + (y[i] == 1 ? shift : 0);
                v[i] = (float) (round > 0 ? Math.rint(x / round) * round : x);
            }
            for (int k = 0; k < crossing; k++) {
                v[r.nextInt(N)] = (float) (shift + r.nextGaussian());
            }
            if (r.nextInt(5) == 0) {
                v[r.nextInt(N)] = Float.NaN;
            }
            if (trial % 2 == 1) {
                for (int i = 0; i < N; i++) {
                    v[i] = -v[i];
                }
            }
            String expected = fullSweep("c", v, y);
            List<String> warnings = TableProfile.describe(table(List.of(new NumericColumn("c", v)), y)).warnings()
                    .stream().filter(w -> w.contains("determines")).toList();
            assertThat(warnings).as("trial %d", trial).isEqualTo(expected == null ? List.of() : List.of(expected));
            if (expected == null) {
                quiet++;
            } else {
                flagged++;
            }
        }
        assertThat(flagged).isGreaterThan(50);
        assertThat(quiet).isGreaterThan(50);
    }

    /** Every threshold between distinct values, both directions: the check as written before the histogram. */
    private static String fullSweep(String name, float[] v, int[] y) {
        List<Float> pos = new ArrayList<>();
        List<Float> neg = new ArrayList<>();
        for (int r = 0; r < v.length; r++) {
            if (!Float.isNaN(v[r])) {
                (y[r] == 1 ? pos : neg).add(v[r]);
            }
        }
        java.util.Collections.sort(pos);
        java.util.Collections.sort(neg);
        int p = pos.size();
        int q = neg.size();
        double best = 0;
        double bestT = Double.NaN;
        boolean above = true;
        java.util.TreeSet<Float> thresholds = new java.util.TreeSet<>(pos);
        thresholds.addAll(neg);
        Float previous = null;
        for (Float t : thresholds) {
            if (previous != null) {
                float cut = previous;
                int i = (int) pos.stream().filter(x -> x <= cut).count();
                int j = (int) neg.stream().filter(x -> x <= cut).count();
                double ba = ((double) (p - i) / p + (double) j / q) / 2;
                if (Math.max(ba, 1 - ba) > best) {
                    best = Math.max(ba, 1 - ba);
                    above = ba >= 1 - ba;
                    bestT = ((double) cut + t) / 2;
                }
            }
            previous = t;
        }
        if (best < TableProfile.LEAKAGE_BALANCED_ACCURACY) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "column '%s' nearly determines the label: %s %s %.6g -> positive "
                + "has %.2f%% balanced accuracy (leakage? check how it was recorded, or --drop it)",
                name, name, above ? ">" : "<=", bestT, 100 * best);
    }

    @Test
    void classCountsTakeOneNumberWrittenSeveralWaysAsOneClassAsPositiveMatchesIt() {
        // --positive 1 matches 1, +1, 1.0 and 1e0; -0 and 0 are one number; text is compared as written, but for
        // spaces around it (--positive pos takes the class folders 'pos' and 'pos ')
        var c = TableProfile.ClassCounts.of("label", java.util.Arrays.asList("1", "+1", "1", "1.0", "1e0", "-1", "0",
                "-0", "pos", "Pos", null, "pos "));
        assertThat(c.counts()).extracting(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue).containsExactly(
                org.assertj.core.groups.Tuple.tuple("-1", 1), org.assertj.core.groups.Tuple.tuple("Pos", 1),
                org.assertj.core.groups.Tuple.tuple("-0", 2), org.assertj.core.groups.Tuple.tuple("pos", 2),
                org.assertj.core.groups.Tuple.tuple("1", 5));
        // the spelling most rows use names the class, the others follow (ties in text order)
        assertThat(c.spellings()).containsOnly(java.util.Map.entry("1", List.of("+1", "1.0", "1e0")),
                java.util.Map.entry("-0", List.of("0")), java.util.Map.entry("pos", List.of("pos ")));
        assertThat(c.total()).isEqualTo(11);
    }

    /**
     * A column holding what an earlier one holds in every row is named once, against the first: nasa.csv's Name repeats
     * Neo Reference ID. Categories compare by their text (other codes, same levels), numbers as float32 with every NaN
     * alike; a column differing in one row, or in where it is missing, is no copy; constant copies are the constant
     * warning's.
     */
    @Test
    void aColumnThatCopiesAnEarlierOneIsNamed() {
        float[] id = noise(3);
        float[] idWithHole = id.clone();
        idWithHole[7] = Float.NaN;
        float[] sameHole = idWithHole.clone();
        float[] almost = id.clone();
        almost[N - 1] += 1f;
        int[] codesA = new int[N];
        int[] codesB = new int[N];
        for (int i = 0; i < N; i++) {
            codesA[i] = i % 3 == 0 ? -1 : i % 2;        // levels x, y; missing every third row
            codesB[i] = i % 3 == 0 ? -1 : 1 - i % 2;    // the same values under swapped codes
        }
        float[] constant = new float[N];
        Description d = TableProfile.describe(table(List.of(new NumericColumn("Neo Reference ID", id),
                new NumericColumn("Name", id.clone()), new NumericColumn("almost", almost),
                new NumericColumn("holed", idWithHole), new NumericColumn("holed too", sameHole),
                new CategoricalColumn("kind", List.of("x", "y"), codesA),
                new CategoricalColumn("kind again", List.of("y", "x"), codesB),
                new NumericColumn("zero", constant), new NumericColumn("zero too", constant.clone())), labels()));
        assertThat(d.warnings()).filteredOn(w -> w.contains("holds the same value")).containsExactly(
                "column 'Name' holds the same value as column 'Neo Reference ID' in every row; one of them is enough "
                        + "(--drop Name)",
                "column 'holed too' holds the same value as column 'holed' in every row; one of them is enough "
                        + "(--drop 'holed too')",
                "column 'kind again' holds the same value as column 'kind' in every row; one of them is enough "
                        + "(--drop 'kind again')");
        assertThat(TableProfile.copies(List.of(new NumericColumn("a", id), new NumericColumn("b", almost))))
                .isEmpty();
    }
}
