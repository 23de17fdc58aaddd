package dev.rareclass.domain.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.metrics.RowCostCurve;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code cost:@COLUMN:FP_COST} on a worked example: eight rows, three positives whose missed payments cost 10, 10 and
 * 500, and a review (false positive) costing 20.
 *
 * <pre>
 * score   0.9  0.8  0.7  0.6  0.5  0.4  0.3  0.2
 * label     1    0    0    1    0    0    1    0
 * amount   10    -    -   10    -    -  500    -
 * </pre>
 * Per-row costs, flagging score ≥ t: t = 0.9 misses 10 + 500 = 510; t = 0.6 misses 500 with 2 false positives, 540;
 * t = 0.3 misses nothing with 4 false positives, 80 (the minimum); t = 0.2, 100. A flat cost of 10 per missed positive
 * (the typical amount) sees no 500: t = 0.9 costs 2 × 10 = 20, the minimum, so it flags one row and misses the
 * expensive fraud.
 */
class RowCostPolicyTest {

    private static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
    private static final int[] Y = {1, 0, 0, 1, 0, 0, 1, 0};
    private static final double[] AMOUNT = {10, 1, 1, 10, 1, 1, 500, 1};

    @Test
    void perRowCostsChooseAnotherThresholdThanAFlatCost() {
        ThresholdPolicy rows = ThresholdPolicies.parse("cost:@amount:20");
        ThresholdPolicy flat = ThresholdPolicies.parse("cost:10:20");
        assertThat(rows.choose(Y, SCORES, AMOUNT)).isEqualTo(0.3);
        assertThat(flat.choose(Y, SCORES)).isEqualTo(0.9);
        assertThat(flat.choose(Y, SCORES, AMOUNT)).as("a flat policy ignores row costs").isEqualTo(0.9);
        // equal row costs are the flat policy
        double[] tens = {10, 10, 10, 10, 10, 10, 10, 10};
        assertThat(rows.choose(Y, SCORES, tens)).isEqualTo(0.9);
    }

    /**
     * Flagging nothing is the least cost when every flagged row costs more than it saves. Reference computed in Python:
     * y = [0, 1, 0, 1]; s = [0.9, 0.8, 0.7, 0.6]; amount = [0, 3, 0, 4.];
     * [(t, amount[(y == 1) & (s < t)].sum() + 5 * ((y == 0) & (s >= t)).sum()) for t in [inf, .9, .8, .7, .6]]
     * gives [(inf, 7), (0.9, 12), (0.8, 9), (0.7, 14), (0.6, 10)]; np.nextafter(0.9, np.inf) = 0.9000000000000001.
     */
    @Test
    void flaggingNothingIsChosenWhenItCostsLeast() {
        int[] y = {0, 1, 0, 1};
        double[] s = {0.9, 0.8, 0.7, 0.6};
        double[] amount = {0, 3, 0, 4};
        RowCostCurve curve = RowCostCurve.of(y, s, amount, 5);
        assertThat(curve.totals()).containsExactly(12, 9, 14, 10);
        assertThat(curve.noneFlagged()).isEqualTo(7);
        assertThat(curve.best()).isEqualTo(-1);
        assertThat(curve.bestThreshold()).isEqualTo(0.9000000000000001);
        assertThat(ThresholdPolicies.parse("cost:@amount:5").choose(y, s, amount)).isEqualTo(0.9000000000000001);
    }

    @Test
    void thePolicyChoosesTheLeastOfTheSweepThatTheReportsDraw() {
        RowCostCurve curve = RowCostCurve.of(Y, SCORES, AMOUNT, 20);
        assertThat(curve.thresholds()).containsExactly(SCORES);
        assertThat(curve.totals()).containsExactly(510, 530, 550, 540, 560, 580, 80, 100);
        assertThat(curve.noneFlagged()).isEqualTo(520);
        assertThat(curve.best()).isEqualTo(6);
        assertThat(curve.bestThreshold())
                .isEqualTo(ThresholdPolicies.parse("cost:@amount:20").choose(Y, SCORES, AMOUNT));
        // a score that is no number would have no place in the sweep
        double[] nan = SCORES.clone();
        nan[2] = Double.NaN;
        assertThatThrownBy(() -> RowCostCurve.of(Y, nan, AMOUNT, 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
    }

    @Test
    void aRecordedSpecNamesItsCostColumnAndAnyOtherTextNone() {
        assertThat(ThresholdPolicies.costColumnOf("cost:@Payment Amount:2.5")).contains("Payment Amount");
        for (String other : new String[] {"cost:5:1", "max-f1", "", "cost:@", "0.5"}) {
            assertThat(ThresholdPolicies.costColumnOf(other)).as(other).isEmpty();
        }
        assertThat(ThresholdPolicies.costColumnOf(null)).isEmpty();
    }

    @Test
    void theColumnKeepsItsCaseAndSpacesAndTheSpecReadsBack() {
        ThresholdPolicy p = ThresholdPolicies.parse(" cost:@Payment Amount:2.5 ");
        assertThat(p.costColumn()).contains("Payment Amount");
        assertThat(p.spec()).isEqualTo("cost:@Payment Amount:2.5");
        assertThat(ThresholdPolicies.parse(p.spec())).isEqualTo(p);
        assertThat(p.needsValidationData()).isTrue();
        assertThat(ThresholdPolicies.parse("cost:5:1").costColumn()).isEmpty();
    }

    @Test
    void malformedSpecsAreUsageErrors() {
        for (String bad : List.of("cost:@:5", "cost:@amount", "cost:@amount:-1", "cost:@amount:x", "COST:@amount:")) {
            assertThatThrownBy(() -> ThresholdPolicies.parse(bad)).as(bad).isInstanceOf(UsageException.class);
        }
    }

    @Test
    void theCostColumnIsSetAsideAndCheckedRowByRow() {
        LabelMapping mapping = new LabelMapping("y", "1", "0");
        Table t = new Table("t.csv", List.of(new NumericColumn("x", new float[] {1, 2, 3}),
                new NumericColumn("amount", new float[] {5, 0, 7.5f})), Labels.of(new int[] {1, 0, 1}), mapping,
                new int[] {2, 3, 4}, List.of());
        Table aside = t.withRowCostsFrom("amount");
        assertThat(aside.featureNames()).containsExactly("x");
        assertThat(aside.rowCosts()).hasValueSatisfying(c -> assertThat(c).containsExactly(5, 0, 7.5));
        assertThat(aside.selectRows(new int[] {2, 0}).rowCosts())
                .hasValueSatisfying(c -> assertThat(c).containsExactly(7.5, 5));
        // a column the file lacks is a data error (65), as for --label and --drop
        assertThatThrownBy(() -> t.withRowCostsFrom("Amount")).isInstanceOf(DataException.class)
                .hasMessageContaining("did you mean 'amount'");
        assertThatThrownBy(() -> t.withRowCostsFrom("y")).isInstanceOf(DataException.class)
                .hasMessage("t.csv: cost column 'y' is the label column; the cost of missing a positive is read from "
                        + "another column");
        Table fraction = new Table("t.csv", List.of(new NumericColumn("amount", new float[] {5, -0.721f, 2})),
                Labels.of(new int[] {1, 0, 1}), mapping, new int[] {2, 3, 4}, List.of());
        assertThatThrownBy(() -> fraction.withRowCostsFrom("amount")).isInstanceOf(DataException.class)
                .hasMessage("t.csv: data row 3, cost column 'amount': value -0.721; a cost must be a finite number of 0 "
                        + "or more");
        Table negative = new Table("t.csv", List.of(new NumericColumn("amount", new float[] {5, -1, 2})),
                Labels.of(new int[] {1, 0, 1}), mapping, new int[] {2, 3, 4}, List.of());
        assertThatThrownBy(() -> negative.withRowCostsFrom("amount")).isInstanceOf(DataException.class)
                .hasMessageContaining("row 3").hasMessageContaining("value -1");
        Table missing = new Table("t.csv", List.of(new NumericColumn("amount", new float[] {5, Float.NaN, 2})),
                Labels.of(new int[] {1, 0, 1}), mapping, new int[] {2, 3, 4}, List.of());
        assertThatThrownBy(() -> missing.withRowCostsFrom("amount")).isInstanceOf(DataException.class)
                .hasMessageContaining("row 3").hasMessageContaining("missing value");
    }
}
