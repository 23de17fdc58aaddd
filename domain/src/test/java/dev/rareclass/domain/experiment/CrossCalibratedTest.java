package dev.rareclass.domain.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.data.Fold;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.Splits;
import dev.rareclass.domain.data.SyntheticRareEvents;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.ProgressListener;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Validation metrics of a calibrated model are measured on scores no calibration fitted on them mapped: an isotonic
 * map fitted on the held-out rows and measured on them scored a Brier well under the base rate's on scores that said
 * nothing of the labels.
 */
class CrossCalibratedTest {

    /** 300 scores drawn apart from the labels (30 positives): no calibration can do better than the base rate. */
    private static final int[] Y = new int[300];
    private static final double[] RAW = new double[300];

    static {
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < Y.length; i++) {
            Y[i] = i % 10 == 0 ? 1 : 0;
            RAW[i] = rng.nextDouble();
        }
    }

    private static double brier(int[] y, double[] p) {
        return BinaryMetrics.compute(y, p, 0.5, true).asMap().get(MetricName.BRIER);
    }

    @Test
    void anIsotonicMapMeasuredOnItsOwnRowsFlattersItAndOneFittedOnTheOtherPartsDoesNot() {
        double baseRate = 0.1 * 0.9; // the Brier score of always saying 0.1
        double[] inSample = RAW.clone();
        Calibration.fit("isotonic", Y, RAW).applyAll(inSample);
        CrossCalibrated cross = CrossCalibrated.of("isotonic", Y, RAW, 3, UnaryOperator.identity());

        System.out.printf("Brier in sample %.5f, cross-fitted %.5f%n", brier(Y, inSample), brier(Y, cross.scores()));
        assertThat(brier(Y, inSample)).as("in sample").isLessThan(baseRate);
        assertThat(brier(Y, cross.scores())).as("cross-fitted").isGreaterThan(baseRate);
        assertThat(cross.parts()).isEqualTo(5);
    }

    @Test
    void eachPartIsMappedByACalibrationFittedOnTheOthersMovedAsTheKeptOneIs() {
        PriorCorrection shift = PriorCorrection.of(0.1, 0.01).orElseThrow();
        for (String method : new String[] {"sigmoid", "isotonic"}) {
            CrossCalibrated cross = CrossCalibrated.of(method, Y, RAW, 11, c -> c.shifted(shift));
            for (Fold part : Splits.stratifiedKFold(Labels.wrap(Y), 5, 11)) {
                Calibration others = Calibration.fit(method, Labels.wrap(Y).select(part.train()).toArray(),
                        PipelineFitter.select(RAW, part.train())).shifted(shift);
                for (int row : part.test()) {
                    assertThat(cross.scores()[row]).as(method + " row " + row).isEqualTo(others.apply(RAW[row]));
                }
            }
        }
    }

    @Test
    void fewRowsOfAClassMeanFewerPartsOrNone() {
        int[] y = {1, 0, 0, 1, 0, 0, 1, 0, 0, 0};
        double[] s = {0.9, 0.1, 0.2, 0.8, 0.3, 0.4, 0.7, 0.5, 0.6, 0.65};
        assertThat(CrossCalibrated.of("isotonic", y, s, 1, UnaryOperator.identity()).parts()).isEqualTo(3);
        int[] one = {1, 0, 0, 0};
        assertThat(CrossCalibrated.of("sigmoid", one, new double[] {0.9, 0.1, 0.2, 0.3}, 1, UnaryOperator.identity()))
                .isNull();
    }

    @Test
    void aCalibratedFitReportsTheCrossFittedMetricsAndKeepsTheCalibrationFittedOnEveryScoredRow() {
        FakeCatalog catalog = new FakeCatalog();
        PipelineFitter fitter = new PipelineFitter(catalog, new FakeSamplers());
        Table t = SyntheticRareEvents.generate(2000, 8, 4, 0.05, 3);
        PipelineSpec spec = PipelineFitterTest.spec("max-f1", 0.2);
        PipelineSpec isotonic = spec.withFit(new FitSettings(PipelineFitterTest.NONE, 0, FitSettings.threshold("max-f1"),
                0.2, 7, 0, 0, "isotonic"));
        PipelineFitter.Scored scored = fitter.fitScored(t, fitter.resolve(isotonic), "", ProgressListener.NONE);

        int[] y = t.requireLabels().select(scored.rows()).toArray();
        // the report's scores are the metrics' (mapped part by part), not those of the kept calibration
        double reported = scored.model().validationMetrics().get("brier");
        assertThat(reported).isEqualTo(brier(y, scored.scores()));
        assertThat(scored.model().calibration()).isPresent();
        assertThat(scored.model().provenance().selection())
                .contains("isotonic calibration fitted on the same scores")
                .contains("validation metrics on the scores each calibrated by a calibration fitted on the other 4 of 5");
    }
}
