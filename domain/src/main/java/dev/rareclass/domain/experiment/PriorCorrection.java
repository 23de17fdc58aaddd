package dev.rareclass.domain.experiment;

import java.util.Optional;

/**
 * Probabilities of a classifier that learned from rebalanced rows, mapped back to the real base rate. A sampler or
 * class weights make the classifier see positives at another rate ({@code fitted}) than the data has; its
 * probabilities then describe that rebalanced world. Bayes' rule gives the closed form (Saerens, Latinne and
 * Decaestecker 2002; Elkan 2001): multiply the odds by {@code [target / (1 - target)] / [fitted / (1 - fitted)]}.
 * The correction is monotone, so rankings (PR-AUC, ROC-AUC) do not change; calibration (Brier score, log-loss) and
 * fixed thresholds do.
 *
 * @param fitted the positive share the classifier learned from (after the sampler, weighted by the class weights)
 * @param target the positive share its probabilities should describe: the training rows' own, or the deployment
 *               rate a user gives
 */
public record PriorCorrection(double fitted, double target) {

    public PriorCorrection {
        if (!(fitted > 0 && fitted < 1) || !(target > 0 && target < 1)) {
            throw new IllegalArgumentException("prevalences must be in (0, 1), got " + fitted + " and " + target);
        }
    }

    /** The correction from {@code fitted} to {@code target}, or none when the two rates are the same. */
    public static Optional<PriorCorrection> of(double fitted, double target) {
        return Math.abs(fitted - target) <= 1e-12 * Math.max(fitted, target) ? Optional.empty()
                : Optional.of(new PriorCorrection(fitted, target));
    }

    /** The positive share a classifier sees in rows of these class counts under these class weights. */
    public static double seen(long positives, long negatives, double positiveWeight, double negativeWeight) {
        double p = positives * positiveWeight;
        return p / (p + negatives * negativeWeight);
    }

    /** The corrected probability (0 and 1 stay, NaN stays NaN). */
    public double apply(double p) {
        if (!(p > 0 && p < 1)) {
            return p;
        }
        double ratio = (target / (1 - target)) / (fitted / (1 - fitted));
        double q = p * ratio;
        return q / (q + (1 - p));
    }

    /** Every score corrected in place; returns the array. */
    public double[] applyAll(double[] scores) {
        for (int i = 0; i < scores.length; i++) {
            scores[i] = apply(scores[i]);
        }
        return scores;
    }
}
