package dev.rareclass.adapters.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.preprocess.MissingPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every dataset in ../shared/datasets loads with the options CATALOG.md gives, with the right counts. */
class SharedDatasetsTest {

    static final Path DATASETS = Path.of("../../shared/datasets");

    private final FormatTableSource source = new FormatTableSource();

    @BeforeAll
    static void datasetsPresent() {
        assumeTrue(Files.isDirectory(DATASETS), "../../shared/datasets is absent");
    }

    private static DataOptions options(String file, String format, boolean header, String label, String positive,
                                       List<String> drop, List<String> categorical, List<String> text,
                                       MissingPolicy missing) {
        return new DataOptions(DATASETS.resolve(file), Optional.ofNullable(format), header, Optional.empty(),
                Optional.ofNullable(label), Optional.of(positive), drop, categorical, text, missing, 0);
    }

    private static void counts(Table t, int rows, int positives) {
        assertThat(t.rows()).as(t.source() + " rows").isEqualTo(rows);
        assertThat(t.requireLabels().positives()).as(t.source() + " positives").isEqualTo(positives);
    }

    private static long categorical(Table t) {
        return t.columns().stream().filter(c -> c instanceof CategoricalColumn).count();
    }

    @Test
    void adultWithCategoricalColumnsAndQuestionMarksImputed() {
        Table t = source.read(options("adult_income/adult-train.csv", null, false, "14", ">50K", List.of(), List.of(),
                List.of(), MissingPolicy.MOST_FREQUENT));
        counts(t, 32561, 7841);
        assertThat(categorical(t)).isEqualTo(8);
        assertThat(t.columns().stream().mapToInt(Column::missing).sum()).isPositive();
    }

    @Test
    void carIsAllCategorical() {
        Table t = source.read(options("car_evaluation/car.data", null, false, "6", "vgood", List.of(), List.of("2", "3"),
                List.of(), MissingPolicy.ERROR));
        counts(t, 1728, 65);
        assertThat(categorical(t)).isEqualTo(6);
    }

    @Test
    void abaloneHasACategoricalFirstColumn() {
        Table t = source.read(options("abalone/abalone.data", null, false, "8", "19", List.of(), List.of("0"),
                List.of(), MissingPolicy.ERROR));
        counts(t, 4177, 32);
        assertThat(((CategoricalColumn) t.columns().get(0)).levels()).containsExactlyInAnyOrder("M", "F", "I");
    }

    @Test
    void breastCancerWithItsIdDroppedAndMissingRowsDropped() {
        Table t = source.read(options("breast_cancer_wisconsin_original/breast-cancer-wisconsin.data", null, false, "10",
                "4", List.of("0"), List.of(), List.of(), MissingPolicy.DROP));
        counts(t, 683, 239);
        assertThat(t.featureNames()).hasSize(9).doesNotContain("0");
    }

    @Test
    void nasaWithBomBooleansAndNameAndDateColumnsDropped() {
        Table t = source.read(options("nasa_asteroids/nasa.csv", null, true, "Hazardous", "True",
                List.of("Neo Reference ID", "Name", "Close Approach Date", "Orbit Determination Date", "Orbiting Body",
                        "Equinox"), List.of(), List.of(), MissingPolicy.ERROR));
        counts(t, 4687, 755);
        assertThat(t.featureNames()).hasSize(33).contains("Absolute Magnitude");
        assertThat(categorical(t)).isZero();
    }

    @Test
    void imdbSentencesAsTabSeparatedTextWithQuotingOff() {
        Table t = source.read(options("uci_sentiment_labelled_sentences/imdb_labelled.txt", "tab", false, "1", "1",
                List.of(), List.of(), List.of("0"), MissingPolicy.ERROR));
        counts(t, 1000, 500);
        assertThat(t.columns().get(0)).isInstanceOf(TextColumn.class);
    }

    @Test
    void processminerGzipWithItsTimeColumnDropped() {
        Table t = source.read(options("processminer_sheet_break/processminer-rare-event-mts - data.csv.gz", null, true,
                "y", "1", List.of("time"), List.of(), List.of(), MissingPolicy.ERROR));
        counts(t, 18398, 124);
        assertThat(t.featureNames()).hasSize(61);
    }

    @Test
    void creditCardWithCrlfAndAQuotedHeader() {
        Table t = source.read(options("creditcard_fraud_subset/creditcard_adjustedl.csv", null, true, "Class", "1",
                List.of(), List.of(), List.of(), MissingPolicy.ERROR));
        counts(t, 4492, 492);
        assertThat(t.featureNames()).startsWith("Time", "V1").hasSize(30);
    }

    @Test
    void mammographyWithQuotedLabels() {
        Table t = source.read(options("mammography/mammography.csv", null, false, "6", "'1'", List.of(), List.of(),
                List.of(), MissingPolicy.ERROR));
        counts(t, 11183, 260);
    }

    @Test
    void rtPolarityAsAPairOfSentenceFiles() {
        Table t = source.read(options("movie_review_polarity_pang_lee", "text", true, null, "pos", List.of(), List.of(),
                List.of(), MissingPolicy.ERROR));
        counts(t, 10662, 5331);
        assertThat(t.notes()).anyMatch(n -> n.contains("Latin-1"));
    }

    @Test
    void reviewPolarityArchiveAsOneDocumentPerFile() {
        Table t = source.read(options("movie_review_polarity_pang_lee/review_polarity.tar.gz", null, true, null, "pos",
                List.of(), List.of(), List.of(), MissingPolicy.ERROR));
        counts(t, 2000, 1000);
    }
}
