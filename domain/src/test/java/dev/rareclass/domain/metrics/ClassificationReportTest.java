package dev.rareclass.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Classification reports against scikit-learn 1.2.1 (/usr/bin/python3, {@code from sklearn.metrics import *},
 * {@code y = np.array(Y); s = np.array(S); p = (s >= 0.5).astype(int)}).
 */
class ClassificationReportTest {
    private static final double EPS = 1e-12;

    private static ClassificationReport report(String set) {
        return switch (set) {
            case "NORMAL" -> report(SklearnCases.NORMAL_Y, SklearnCases.NORMAL_S);
            case "TIES" -> report(SklearnCases.TIES_Y, SklearnCases.TIES_S);
            case "NONE_PREDICTED" -> report(SklearnCases.NONE_PREDICTED_Y, SklearnCases.NONE_PREDICTED_S);
            case "ALL_PREDICTED" -> report(SklearnCases.ALL_PREDICTED_Y, SklearnCases.ALL_PREDICTED_S);
            default -> throw new IllegalArgumentException(set);
        };
    }

    private static ClassificationReport report(int[] y, double[] s) {
        return ClassificationReport.of(ConfusionCounts.of(y, s, 0.5), "normal", "fraud");
    }

    /**
     * {@code classification_report(y, p, labels=[0, 1], target_names=["normal", "fraud"], zero_division=0,
     * output_dict=True)} on each {@link SklearnCases} set: row index, label, precision, recall, f1-score, support.
     */
    @ParameterizedTest(name = "{0} {2}")
    @CsvSource({
        "NORMAL, 0, normal, 0.8333333333333334, 0.8333333333333334, 0.8333333333333334, 6",
        "NORMAL, 1, fraud, 0.75, 0.75, 0.75, 4",
        "NORMAL, 2, macro avg, 0.7916666666666667, 0.7916666666666667, 0.7916666666666667, 10",
        "NORMAL, 3, weighted avg, 0.8, 0.8, 0.8, 10",
        "TIES, 0, normal, 0.6, 0.42857142857142855, 0.5, 7",
        "TIES, 1, fraud, 0.42857142857142855, 0.6, 0.5, 5",
        "TIES, 2, macro avg, 0.5142857142857142, 0.5142857142857142, 0.5, 12",
        "TIES, 3, weighted avg, 0.5285714285714286, 0.5, 0.5, 12",
        "NONE_PREDICTED, 0, normal, 0.6666666666666666, 1.0, 0.8, 4",
        "NONE_PREDICTED, 1, fraud, 0.0, 0.0, 0.0, 2",
        "NONE_PREDICTED, 2, macro avg, 0.3333333333333333, 0.5, 0.4, 6",
        "NONE_PREDICTED, 3, weighted avg, 0.4444444444444444, 0.6666666666666666, 0.5333333333333333, 6",
        "ALL_PREDICTED, 0, normal, 0.0, 0.0, 0.0, 2",
        "ALL_PREDICTED, 1, fraud, 0.6, 1.0, 0.7499999999999999, 3",
        "ALL_PREDICTED, 2, macro avg, 0.3, 0.5, 0.37499999999999994, 5",
        "ALL_PREDICTED, 3, weighted avg, 0.36, 0.6, 0.4499999999999999, 5",
    })
    void rowsMatchSklearnOutputDict(String set, int index, String label, double precision, double recall, double f1,
            long support) {
        ClassificationReport report = report(set);
        assertThat(report.rows()).hasSize(4);
        ClassReportRow actual = report.rows().get(index);
        assertThat(actual.label()).isEqualTo(label);
        assertThat(actual.precision()).as(label + " precision").isCloseTo(precision, within(EPS));
        assertThat(actual.recall()).as(label + " recall").isCloseTo(recall, within(EPS));
        assertThat(actual.f1()).as(label + " f1").isCloseTo(f1, within(EPS));
        assertThat(actual.support()).as(label + " support").isEqualTo(support);
    }

    /**
     * Without positive rows the positive class's recall is scikit-learn's zero_division 0, in the averages too
     * (PRODUCT.md §4): {@code classification_report([0,0,0,0], [0,1,0,1], labels=[0, 1], target_names=['neg', 'pos'],
     * zero_division=0)} of scikit-learn 1.2.1, this text, and its output_dict's macro avg recall 0.25.
     */
    @Test
    void withoutPositivesThePositiveClassRecallIsSklearnsZero() {
        ClassificationReport report = ClassificationReport.of(
                ConfusionCounts.of(new int[] {0, 0, 0, 0}, new double[] {0.2, 0.6, 0.4, 0.8}, 0.5), "neg", "pos");
        assertThat(report.positive().recall()).isZero();
        assertThat(report.macroAvg().recall()).isEqualTo(0.25);
        assertThat(report.weightedAvg().recall()).isEqualTo(0.5);
        assertThat(report.toText()).isEqualTo("""
                              precision    recall  f1-score   support

                         neg       1.00      0.50      0.67         4
                         pos       0.00      0.00      0.00         0

                    accuracy                           0.50         4
                   macro avg       0.50      0.25      0.33         4
                weighted avg       1.00      0.50      0.67         4
                """);
    }

    /**
     * The mirror image: scikit-learn 1.2.1's {@code classification_report([1,1,1,1,1], [1,1,0,1,0], labels=[0, 1],
     * target_names=['neg', 'pos'], zero_division=0)}, this text; its output_dict: macro avg precision 0.5, recall 0.3,
     * f1 0.37499999999999994; weighted avg precision 1.0, recall 0.6, f1 0.7499999999999999.
     */
    @Test
    void withoutNegativesTheNegativeClassRecallIsSklearnsZero() {
        ClassificationReport report = ClassificationReport.of(ConfusionCounts.of(new int[] {1, 1, 1, 1, 1},
                new double[] {0.9, 0.8, 0.3, 0.6, 0.2}, 0.5), "neg", "pos");
        assertThat(report.negative().recall()).isZero();
        assertThat(report.macroAvg().precision()).isEqualTo(0.5);
        assertThat(report.macroAvg().recall()).isCloseTo(0.3, within(EPS));
        assertThat(report.macroAvg().f1()).isCloseTo(0.37499999999999994, within(EPS));
        assertThat(report.weightedAvg().recall()).isEqualTo(0.6);
        assertThat(report.weightedAvg().f1()).isCloseTo(0.7499999999999999, within(EPS));
        assertThat(report.toText()).isEqualTo("""
                              precision    recall  f1-score   support

                         neg       0.00      0.00      0.00         0
                         pos       1.00      0.60      0.75         5

                    accuracy                           0.60         5
                   macro avg       0.50      0.30      0.37         5
                weighted avg       1.00      0.60      0.75         5
                """);
    }

    /** The same output_dict's {@code accuracy}. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "NORMAL, 0.8",
        "TIES, 0.5",
        "NONE_PREDICTED, 0.6666666666666666",
        "ALL_PREDICTED, 0.6",
    })
    void accuracyMatchesSklearnOutputDict(String set, double accuracy) {
        assertThat(report(set).accuracy()).isCloseTo(accuracy, within(EPS));
    }

    /** The same classification_report without output_dict. */
    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("NORMAL", "              precision    recall  f1-score   support\n\n      normal       0.83      0.83      0.83         6\n       fraud       0.75      0.75      0.75         4\n\n    accuracy                           0.80        10\n   macro avg       0.79      0.79      0.79        10\nweighted avg       0.80      0.80      0.80        10\n"),
                Arguments.of("TIES", "              precision    recall  f1-score   support\n\n      normal       0.60      0.43      0.50         7\n       fraud       0.43      0.60      0.50         5\n\n    accuracy                           0.50        12\n   macro avg       0.51      0.51      0.50        12\nweighted avg       0.53      0.50      0.50        12\n"),
                Arguments.of("NONE_PREDICTED", "              precision    recall  f1-score   support\n\n      normal       0.67      1.00      0.80         4\n       fraud       0.00      0.00      0.00         2\n\n    accuracy                           0.67         6\n   macro avg       0.33      0.50      0.40         6\nweighted avg       0.44      0.67      0.53         6\n"),
                Arguments.of("ALL_PREDICTED", "              precision    recall  f1-score   support\n\n      normal       0.00      0.00      0.00         2\n       fraud       0.60      1.00      0.75         3\n\n    accuracy                           0.60         5\n   macro avg       0.30      0.50      0.37         5\nweighted avg       0.36      0.60      0.45         5\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void textMatchesSklearnCharacterForCharacter(String set, String text) {
        assertThat(report(set).toText()).isEqualTo(text);
    }

    @Test
    void textWidensForLongNamesAndRoundsHalfToEvenOnTheExactBinaryValue() {
        // y = [1] + [0]*7 + [0]*2 + [1]*3; p = [1]*8 + [0]*5 -> tp=1, fp=7, tn=2, fn=3; fraud precision 0.125
        ClassificationReport report = ClassificationReport.of(new ConfusionCounts(1, 7, 2, 3),
                "legitimate transaction", "fraud");
        // classification_report(y, p, labels=[0, 1], target_names=["legitimate transaction", "fraud"])
        assertThat(report.toText()).isEqualTo(
                "                        precision    recall  f1-score   support\n\n"
                + "legitimate transaction       0.40      0.22      0.29         9\n"
                + "                 fraud       0.12      0.25      0.17         4\n\n"
                + "              accuracy                           0.23        13\n"
                + "             macro avg       0.26      0.24      0.23        13\n"
                + "          weighted avg       0.32      0.23      0.25        13\n");
        // the same with digits=3: macro precision 0.2625 is just above half in binary, so it rounds up
        assertThat(report.toText(3)).isEqualTo(
                "                        precision    recall  f1-score   support\n\n"
                + "legitimate transaction      0.400     0.222     0.286         9\n"
                + "                 fraud      0.125     0.250     0.167         4\n\n"
                + "              accuracy                          0.231        13\n"
                + "             macro avg      0.263     0.236     0.226        13\n"
                + "          weighted avg      0.315     0.231     0.249        13\n");
        // output_dict=True: macro avg f1 0.22619047619047616, weighted avg f1 0.24908424908424906
        assertThat(report.macroAvg().f1()).isCloseTo(0.22619047619047616, within(EPS));
        assertThat(report.weightedAvg().f1()).isCloseTo(0.24908424908424906, within(EPS));
        assertThat(report.negative().label()).isEqualTo("legitimate transaction");
        assertThat(report.positive().support()).isEqualTo(4);
    }
}
