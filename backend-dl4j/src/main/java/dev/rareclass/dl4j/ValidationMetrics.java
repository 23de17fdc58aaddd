package dev.rareclass.dl4j;

import dev.rareclass.domain.metrics.Curves;
import java.util.Map;

/** Per-epoch validation numbers, computed in Java from the network's scores. */
final class ValidationMetrics {

    /** Probability clipping of the recorded {@code val_loss}, as Keras' binary cross-entropy (1e-7). */
    static final double CLIP = 1e-7;

    private ValidationMetrics() {
    }

    /**
     * Unweighted mean binary cross-entropy of probabilities, clipped to {@code [1e-7, 1 − 1e-7]}; no weight
     * penalties (Keras adds those to val_loss; here it measures the fit only, so it is comparable across l1/l2).
     */
    static double binaryCrossEntropy(int[] y, double[] p) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double q = Math.min(1 - CLIP, Math.max(CLIP, p[i]));
            sum -= y[i] == 1 ? Math.log(q) : Math.log(1 - q);
        }
        return sum / y.length;
    }

    /** val_accuracy, val_precision, val_recall at threshold 0.5 (predicted positive iff p ≥ 0.5), val_pr_auc, val_roc_auc. */
    static void putClassification(int[] y, double[] p, Map<String, Double> out) {
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < y.length; i++) {
            boolean predicted = p[i] >= 0.5;
            if (y[i] == 1) {
                if (predicted) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (predicted) {
                fp++;
            } else {
                tn++;
            }
        }
        out.put("val_accuracy", (double) (tp + tn) / y.length);
        out.put("val_precision", tp + fp == 0 ? 0.0 : (double) tp / (tp + fp));
        out.put("val_recall", tp + fn == 0 ? 0.0 : (double) tp / (tp + fn));
        putRanking(y, p, out);
    }

    /** val_pr_auc (average precision) and val_roc_auc of any scores; NaN when a score is not finite. */
    static void putRanking(int[] y, double[] s, Map<String, Double> out) {
        boolean finite = true;
        for (double v : s) {
            finite &= Double.isFinite(v);
        }
        out.put("val_pr_auc", finite ? Curves.averagePrecision(y, s) : Double.NaN);
        out.put("val_roc_auc", finite ? Curves.rocAuc(y, s) : Double.NaN);
    }
}
