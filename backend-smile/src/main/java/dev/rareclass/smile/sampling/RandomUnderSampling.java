package dev.rareclass.smile.sampling;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * imbalanced-learn 0.10's {@code RandomUnderSampler(sampling_strategy='auto', replacement=False)} on row positions,
 * for the models that under-sample inside their own fit (the balanced ensembles): it is the same draw as the
 * {@code random-under} sampler ({@link UnderSamplers#randomUnder}), which a pipeline applies to the whole training
 * set once, made available for a list of positions that may name one row several times (a bootstrap sample).
 */
public final class RandomUnderSampling {

    private RandomUnderSampling() {
    }

    /**
     * Balances {@code positions} by class: every position of the minority class (the smaller one, label 1 on a tie)
     * is kept, and as many positions of the majority class, drawn uniformly without replacement; two positions that
     * name the same row are two candidates, as imblearn sees the rows of a bootstrap sample.
     *
     * @param positions rows (indices into {@code labels}), in any order, repeats allowed
     * @param labels    0/1 label of every row
     * @param rng       the draw's generator
     * @return the kept positions' rows: the minority's in their order, then the drawn majority's
     * @throws IllegalArgumentException when the positions do not hold both classes
     */
    public static int[] balance(int[] positions, int[] labels, SplittableRandom rng) {
        int positives = 0;
        for (int r : positions) {
            positives += labels[r];
        }
        int negatives = positions.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("random under-sampling needs both classes, got " + positives
                    + " positive and " + negatives + " negative rows");
        }
        int minorityLabel = positives <= negatives ? 1 : 0;
        int[] minority = new int[Math.min(positives, negatives)];
        int[] majority = new int[Math.max(positives, negatives)];
        int a = 0;
        int b = 0;
        for (int r : positions) {
            if (labels[r] == minorityLabel) {
                minority[a++] = r;
            } else {
                majority[b++] = r;
            }
        }
        int[] out = Arrays.copyOf(minority, 2 * minority.length);
        System.arraycopy(UnderSamplers.drawWithoutReplacement(majority, minority.length, rng), 0, out,
                minority.length, minority.length);
        return out;
    }
}
