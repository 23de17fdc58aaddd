package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.Fold;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.Splits;
import java.util.function.UnaryOperator;

/**
 * Held-out scores as a calibration that never saw them maps them, for honest validation metrics: the scored rows are
 * dealt into stratified parts, and each part's scores are mapped by a calibration fitted on the other parts (as
 * scikit-learn's {@code CalibratedClassifierCV} fits each calibrator on rows it then does not score). The calibration
 * the model keeps is still fitted on every scored row; measured on those same rows, an isotonic step function that
 * has fitted their labels flatters its Brier score and log-loss, and its PR-AUC too (its steps tie the scores where
 * the labels say). Checked with scikit-learn on mammography (logistic regression fitted on 40% of the rows, isotonic
 * on 15%, the truth on the other 45%; means of 10 splits): the isotonic map took PR-AUC from 0.610 to 0.537 on the
 * unseen rows; measured on its own rows it took 0.643 to 0.642, and cross-fitted in 5 parts, pooled, to 0.574 (the
 * mean of the 5 parts' PR-AUCs, 0.611, hides the drop too). Brier: 0.0139 unseen, 0.0113 on its own rows, 0.0130
 * cross-fitted.
 *
 * @param scores one calibrated score per scored row, in their order
 * @param parts  how many parts the rows were dealt into
 */
record CrossCalibrated(double[] scores, int parts) {

    /** Parts, as scikit-learn's default {@code cv=5}; fewer when a class has fewer rows. */
    static final int PARTS = 5;

    /**
     * @param method   "sigmoid" or "isotonic"
     * @param y        0/1 labels of the scored rows
     * @param raw      their scores before calibration
     * @param seed     deals the parts
     * @param toDeploy what is done to the kept calibration after its fit (the move to a deploy prevalence), done to
     *                 each part's too
     * @return the cross-calibrated scores, or null when a class has fewer than 2 rows
     */
    static CrossCalibrated of(String method, int[] y, double[] raw, long seed, UnaryOperator<Calibration> toDeploy) {
        Labels labels = Labels.wrap(y);
        int parts = Math.min(PARTS, Math.min(labels.positives(), labels.negatives()));
        if (parts < 2) {
            return null;
        }
        double[] out = new double[raw.length];
        for (Fold part : Splits.stratifiedKFold(labels, parts, seed)) {
            Calibration fitted = toDeploy.apply(Calibration.fit(method, labels.select(part.train()).toArray(),
                    PipelineFitter.select(raw, part.train())));
            for (int row : part.test()) {
                out[row] = fitted.apply(raw[row]);
            }
        }
        return new CrossCalibrated(out, parts);
    }
}
