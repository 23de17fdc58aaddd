package dev.rareclass.domain.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.sampling.CategoricalBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

class FittedPreprocessorTest {

    static Table table(Column... columns) {
        int n = columns[0].size();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i + 1;
        }
        return new Table("t.csv", List.of(columns), null, null, rows, List.of());
    }

    static PreprocessingSpec spec(Scaling s, MissingPolicy m) {
        return new PreprocessingSpec(s, m, UnknownCategories.IGNORE);
    }

    @Test
    void standardScalingMatchesScikitLearnsStandardScaler() {
        Table t = table(new NumericColumn("a", new float[] {1, 2, 4}), new NumericColumn("b", new float[] {10, 20, 60}),
                new NumericColumn("c", new float[] {5, 5, 5}));
        FittedPreprocessor p = FittedPreprocessor.fit(t, spec(Scaling.STANDARD, MissingPolicy.ERROR));
        // sklearn: StandardScaler().fit([[1,10,5],[2,20,5],[4,60,5]]).mean_ -> [2.333.., 30, 5]
        //          .scale_ -> [1.24721913, 21.60246899, 1.0]  (constant column gets scale 1)
        NumericTransform a = (NumericTransform) p.transforms().get(0);
        NumericTransform b = (NumericTransform) p.transforms().get(1);
        NumericTransform c = (NumericTransform) p.transforms().get(2);
        assertThat(a.offset()).isCloseTo(7.0 / 3, within(1e-6));
        assertThat(a.scale()).isCloseTo(1.24721913, within(1e-6));
        assertThat(b.scale()).isCloseTo(21.60246899, within(1e-6));
        assertThat(c.scale()).isEqualTo(1.0);
        FeatureMatrix x = p.transform(t);
        // .transform(...)[0] -> [-1.06904497, -0.9258201, 0.]
        assertThat(x.get(0, 0)).isCloseTo(-1.06904497f, within(1e-5f));
        assertThat(x.get(0, 1)).isCloseTo(-0.9258201f, within(1e-5f));
        assertThat(x.get(2, 2)).isZero();
    }

    @Test
    void minMaxScalingMapsTheTrainingRangeToZeroOne() {
        Table t = table(new NumericColumn("a", new float[] {2, 4, 6}));
        FittedPreprocessor p = FittedPreprocessor.fit(t, spec(Scaling.MIN_MAX, MissingPolicy.ERROR));
        assertThat(p.transform(t).data()).containsExactly(0f, 0.5f, 1f);
        assertThat(p.transform(table(new NumericColumn("a", new float[] {10}))).data()).containsExactly(2f);
    }

    @Test
    void imputationFollowsScikitLearnsSimpleImputer() {
        float nan = Float.NaN;
        Column a = new NumericColumn("a", new float[] {1, nan, 3, 10, 3});
        // SimpleImputer(strategy=...).fit([[1],[nan],[3],[10],[3]]).statistics_ -> mean 4.25, median 3.0, most_frequent 3.0
        assertThat(((NumericTransform) FittedPreprocessor.fit(table(a), spec(Scaling.NONE, MissingPolicy.MEAN))
                .transforms().get(0)).impute()).isEqualTo(4.25);
        assertThat(((NumericTransform) FittedPreprocessor.fit(table(a), spec(Scaling.NONE, MissingPolicy.MEDIAN))
                .transforms().get(0)).impute()).isEqualTo(3.0);
        // ties go to the smallest value: most_frequent of [2, 1, 2, 1] is 1
        Column tie = new NumericColumn("t", new float[] {2, 1, 2, 1, nan});
        assertThat(((NumericTransform) FittedPreprocessor.fit(table(tie), spec(Scaling.NONE, MissingPolicy.MOST_FREQUENT))
                .transforms().get(0)).impute()).isEqualTo(1.0);
        FittedPreprocessor p = FittedPreprocessor.fit(table(a), spec(Scaling.NONE, MissingPolicy.MEAN));
        assertThat(p.transform(table(a)).data()).containsExactly(1f, 4.25f, 3f, 10f, 3f);
    }

    /**
     * As SimpleImputer, the statistics are fitted for every column, missing a value in the training rows or not:
     * SimpleImputer(strategy='mean').fit([[1], [3]]).transform([[nan]]) is [[2.0]]. Before, such a column kept no
     * value to impute, and a row missing one was refused at scoring.
     */
    @Test
    void aColumnCompleteInTrainingStillImputesNewRows() {
        float nan = Float.NaN;
        FittedPreprocessor p = FittedPreprocessor.fit(table(new NumericColumn("a", new float[] {1, 3})),
                spec(Scaling.NONE, MissingPolicy.MEAN));
        assertThat(p.transform(table(new NumericColumn("a", new float[] {nan, 5}))).data()).containsExactly(2f, 5f);
        // a category: the most frequent (ties to the first in order, as SimpleImputer's most_frequent)
        Table colors = table(new CategoricalColumn("c", List.of("red", "blue"), new int[] {0, 1, 1}));
        FittedPreprocessor q = FittedPreprocessor.fit(colors, spec(Scaling.NONE, MissingPolicy.MEAN));
        FeatureMatrix x = q.transform(table(new CategoricalColumn("c", List.of("red"), new int[] {-1})));
        assertThat(x.row(0)).containsExactly(1f, 0f); // c=blue, c=red
        // without imputation the row is refused, as before
        FittedPreprocessor none = FittedPreprocessor.fit(table(new NumericColumn("a", new float[] {1, 3})),
                spec(Scaling.NONE, MissingPolicy.ERROR));
        assertThatThrownBy(() -> none.transform(table(new NumericColumn("a", new float[] {nan}))))
                .isInstanceOf(DataException.class).hasMessageContaining("missing value, and this model puts nothing");
    }

    @Test
    void aMissingValueWithoutImputationIsRefusedWithItsRow() {
        Column a = new NumericColumn("a", new float[] {1, Float.NaN});
        FittedPreprocessor p = FittedPreprocessor.fit(table(a), spec(Scaling.NONE, MissingPolicy.ERROR));
        assertThatThrownBy(() -> p.transform(table(a))).isInstanceOf(DataException.class)
                .hasMessageContaining("t.csv, data row 2, column 'a': missing value");
    }

    @Test
    void oneHotEncodesSortedTrainingCategoriesAndIgnoresUnseenOnes() {
        CategoricalColumn train = new CategoricalColumn("sex", List.of("M", "F", "I"), new int[] {0, 1, 2, 0});
        Table t = table(new NumericColumn("x", new float[] {1, 2, 3, 4}), train);
        FittedPreprocessor p = FittedPreprocessor.fit(t, spec(Scaling.NONE, MissingPolicy.ERROR));
        // sklearn OneHotEncoder sorts categories: ['F', 'I', 'M']
        assertThat(p.outputNames()).containsExactly("x", "sex=F", "sex=I", "sex=M");
        assertThat(p.categoricalBlocks()).containsExactly(new CategoricalBlock("sex", 1, 3));
        FeatureMatrix x = p.transform(t);
        assertThat(x.row(0)).containsExactly(1f, 0f, 0f, 1f);
        assertThat(x.row(1)).containsExactly(2f, 1f, 0f, 0f);
        // new data has its own level order and an unseen level
        CategoricalColumn other = new CategoricalColumn("sex", List.of("X", "F"), new int[] {0, 1});
        FeatureMatrix y = p.transform(table(new NumericColumn("x", new float[] {0, 0}), other));
        assertThat(y.row(0)).containsExactly(0f, 0f, 0f, 0f);
        assertThat(y.row(1)).containsExactly(0f, 1f, 0f, 0f);
    }

    @Test
    void unseenCategoriesCanBeRefused() {
        CategoricalColumn train = new CategoricalColumn("c", List.of("a", "b"), new int[] {0, 1});
        FittedPreprocessor p = FittedPreprocessor.fit(table(train),
                new PreprocessingSpec(Scaling.NONE, MissingPolicy.ERROR, UnknownCategories.ERROR));
        CategoricalColumn other = new CategoricalColumn("c", List.of("a", "z"), new int[] {0, 1});
        assertThatThrownBy(() -> p.transform(table(other))).isInstanceOf(DataException.class)
                .hasMessageContaining("data row 2, column 'c': category 'z' was not seen in training");
    }

    @Test
    void categoricalMissingValuesTakeTheMostFrequentCategory() {
        CategoricalColumn c = new CategoricalColumn("c", List.of("b", "a"), new int[] {0, 1, 1, -1});
        FittedPreprocessor p = FittedPreprocessor.fit(table(c), spec(Scaling.NONE, MissingPolicy.MEAN));
        assertThat(p.transform(table(c)).row(3)).containsExactly(1f, 0f);
    }

    @Test
    void aColumnOfAnotherTypeThanAtTrainingIsRefused() {
        FittedPreprocessor p = FittedPreprocessor.fit(table(new NumericColumn("c", new float[] {1, 2})),
                spec(Scaling.NONE, MissingPolicy.ERROR));
        // a value that is no number made the column categorical: the first such row is named
        Table other = table(new CategoricalColumn("c", List.of("2", "x"), new int[] {0, 1}));
        assertThatThrownBy(() -> p.transform(other)).isInstanceOf(DataException.class)
                .hasMessageContaining("data row 2: column 'c' holds 'x', not a number as at training");
        // numbers read as categories (--categorical c): the type is named
        Table declared = table(new CategoricalColumn("c", List.of("1", "2"), new int[] {0, 1}));
        assertThatThrownBy(() -> p.transform(declared)).isInstanceOf(DataException.class)
                .hasMessageContaining("column 'c' is categorical here but was numeric at training");
        // on the command line the advice is to leave out the option that did it, not to add one
        assertThatThrownBy(() -> p.requireSameSchema(declared)).isInstanceOf(DataException.class)
                .hasMessageEndingWith("column 'c' is categorical here but was numeric at training (leave --categorical "
                        + "c out: the model remembers how it read its columns)");
        Table text = table(new TextColumn("c", new String[] {"1", "2"}));
        assertThatThrownBy(() -> p.requireSameSchema(text)).isInstanceOf(DataException.class)
                .hasMessageEndingWith("column 'c' is text here but was numeric at training (leave --text c out: the "
                        + "model remembers how it read its columns)");
    }

    @Test
    void preprocessingAppliedToNewRowsUsesTheTrainingStatisticsOnly() {
        FittedPreprocessor p = FittedPreprocessor.fit(table(new NumericColumn("a", new float[] {0, 2})),
                spec(Scaling.STANDARD, MissingPolicy.ERROR));
        assertThat(p.transform(table(new NumericColumn("a", new float[] {100}))).get(0, 0)).isEqualTo(99f);
    }

    /** A categorical column of {@code rows} rows taking {@code levels} distinct values, named {@code prefix + k}. */
    static CategoricalColumn levels(String name, int rows, int levels, String prefix) {
        List<String> names = new java.util.ArrayList<>();
        for (int k = 0; k < levels; k++) {
            names.add(prefix + k);
        }
        int[] codes = new int[rows];
        for (int r = 0; r < rows; r++) {
            codes[r] = r % levels;
        }
        return new CategoricalColumn(name, names, codes);
    }

    @Test
    void anIdColumnIsRefusedWhenFittedNamingItsCountAndDropAndNoOneHotColumnIsMade() {
        // one value a row, 100,000 rows: one-hot would be 100,000 x 100,000 floats (an int overflow, 40 GB)
        Table t = table(levels("customer id", 100_000, 100_000, "c"), new NumericColumn("a", new float[100_000]));
        assertThatThrownBy(() -> FittedPreprocessor.fit(t, PreprocessingSpec.STANDARD))
                .isInstanceOf(DataException.class)
                .hasMessage("t.csv: column 'customer id' has 100000 distinct values in 100000 training rows, more than "
                        + "the 1000 categories one-hot encoding takes (--max-categories N raises the limit); every row "
                        + "differs, as in an ID: leave it out with --drop 'customer id'");
    }

    @Test
    void theCapCountsDistinctTrainingValuesNotTheColumnsLevels() {
        // 1,000 distinct values among 3,000 rows: at the cap, kept; one more is refused
        FittedPreprocessor p = FittedPreprocessor.fit(table(levels("zip", 3_000, 1_000, "z")), PreprocessingSpec.STANDARD);
        assertThat(p.width()).isEqualTo(1_000);
        assertThatThrownBy(() -> FittedPreprocessor.fit(table(levels("zip", 3_000, 1_001, "z")), PreprocessingSpec.STANDARD))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("column 'zip' has 1001 distinct values in 3000 training rows")
                .hasMessageEndingWith("; leave it out with --drop zip");
        // levels the column knows but the training rows never hold do not count (a fold of a larger table)
        CategoricalColumn wide = levels("zip", 3_000, 1_000, "z");
        List<String> known = new java.util.ArrayList<>(wide.levels());
        for (int k = 0; k < 5_000; k++) {
            known.add("unused" + k);
        }
        int[] codes = new int[3_000];
        for (int r = 0; r < codes.length; r++) {
            codes[r] = wide.code(r);
        }
        assertThat(FittedPreprocessor.fit(table(new CategoricalColumn("zip", known, codes)), PreprocessingSpec.STANDARD)
                .width()).isEqualTo(1_000);
    }

    @Test
    void theCapCanBeRaised() {
        Table t = table(levels("zip", 3_000, 2_500, "z"));
        assertThat(FittedPreprocessor.fit(t, PreprocessingSpec.STANDARD.withMaxCategories(2_500)).width()).isEqualTo(2_500);
        assertThatThrownBy(() -> FittedPreprocessor.fit(t, PreprocessingSpec.STANDARD.withMaxCategories(2_499)))
                .hasMessageContaining("more than the 2499 categories");
        assertThatThrownBy(() -> PreprocessingSpec.STANDARD.withMaxCategories(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aColumnOfSentencesIsPointedToTextInstead() {
        Table t = table(levels("comment", 2_000, 2_000, "the parcel came late, day "));
        assertThatThrownBy(() -> FittedPreprocessor.fit(t, PreprocessingSpec.STANDARD))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("column 'comment' has 2000 distinct values")
                .hasMessageEndingWith("it looks like free text: read it as words with --text comment");
    }

    @Test
    void aColumnOfDatesAndTimesIsPointedToDropNotToText() {
        // as processminer's 'time' and nasa.csv's 'Orbit Determination Date': a space in every value, as in words
        List<String> moments = new java.util.ArrayList<>();
        for (int k = 0; k < 1_500; k++) {
            moments.add((1 + k % 12) + "/" + (1 + k / 12 % 28) + "/" + (1900 + k / 336) + " " + (k % 24) + ":00");
        }
        int[] codes = new int[1_500];
        for (int r = 0; r < codes.length; r++) {
            codes[r] = r;
        }
        Table t = table(new CategoricalColumn("Orbit Time", moments, codes));
        assertThatThrownBy(() -> FittedPreprocessor.fit(t, PreprocessingSpec.STANDARD))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("column 'Orbit Time' has 1500 distinct values")
                .hasMessageEndingWith("it holds dates or times (such as '1/1/1900 0:00'), which a model can only "
                        + "memorise: leave it out with --drop 'Orbit Time'");
    }
}
