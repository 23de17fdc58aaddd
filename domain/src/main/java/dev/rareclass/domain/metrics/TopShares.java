package dev.rareclass.domain.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Precision and recall among the highest scores, the way a review team works a ranked list: of the top 1%, 5% and
 * 10% of rows by score, how many are positive (precision@k) and what share of all positives they hold (recall@k).
 * The top {@code k = ceil(share * n)} rows are those scoring at least the k-th highest score, so rows tied with it
 * count too ({@code rows} may exceed k on ties, never the other way).
 */
public final class TopShares {

    /** The shares every evaluation reports. */
    public static final double[] SHARES = {0.01, 0.05, 0.10};

    /**
     * @param share     the share of rows asked for
     * @param rows      the rows scoring at least {@code threshold}
     * @param threshold the k-th highest score
     * @param precision positives among those rows / rows
     * @param recall    positives among those rows / all positives (0 when there are none, as recall's zero_division)
     */
    public record Top(double share, int rows, double threshold, double precision, double recall) {
    }

    private TopShares() {
    }

    /** The top shares of {@link #SHARES}; empty for no rows. */
    public static List<Top> of(int[] y, double[] scores) {
        if (y.length != scores.length) {
            throw new IllegalArgumentException(y.length + " labels for " + scores.length + " scores");
        }
        int n = scores.length;
        List<Top> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        long positives = Arrays.stream(y).filter(v -> v == 1).count();
        for (double share : SHARES) {
            int k = (int) Math.max(1, Math.ceil(share * n - 1e-9));
            double threshold = sorted[n - k];
            int rows = 0;
            int hits = 0;
            for (int i = 0; i < n; i++) {
                if (scores[i] >= threshold) {
                    rows++;
                    hits += y[i];
                }
            }
            out.add(new Top(share, rows, threshold, (double) hits / rows, positives == 0 ? 0 : (double) hits / positives));
        }
        return out;
    }
}
