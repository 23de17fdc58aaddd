package dev.rareclass.domain.preprocess;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.sampling.CategoricalBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the {@code k} preprocessed features with the highest ANOVA F-score against the label —
 * scikit-learn's {@code SelectKBest(f_classif, k)}, the default univariate selection. Fitted on training
 * rows only and stored with the model. A constant feature scores lowest (scikit-learn gives it NaN and
 * ranks it last); ties keep the earlier feature.
 */
public final class FeatureSelector {

    private final int[] kept;
    private final int inputWidth;

    /**
     * @param kept       indices of the kept features, ascending
     * @param inputWidth number of features before selection
     */
    public FeatureSelector(int[] kept, int inputWidth) {
        this.kept = kept.clone();
        this.inputWidth = inputWidth;
        for (int i = 0; i < this.kept.length; i++) {
            if (this.kept[i] < 0 || this.kept[i] >= inputWidth || (i > 0 && this.kept[i] <= this.kept[i - 1])) {
                throw new IllegalArgumentException("kept features must be ascending indices below " + inputWidth);
            }
        }
    }

    public static FeatureSelector fit(FeatureMatrix x, Labels y, int k) {
        if (k < 1) {
            throw new UsageException("select-top-k must be 1 or more, got " + k);
        }
        int d = x.cols();
        if (k >= d) {
            return new FeatureSelector(java.util.stream.IntStream.range(0, d).toArray(), d);
        }
        double[] f = fScores(x, y);
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            double fa = Double.isNaN(f[a]) ? Double.NEGATIVE_INFINITY : f[a];
            double fb = Double.isNaN(f[b]) ? Double.NEGATIVE_INFINITY : f[b];
            int c = Double.compare(fb, fa);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] kept = new int[k];
        for (int i = 0; i < k; i++) {
            kept[i] = order[i];
        }
        Arrays.sort(kept);
        return new FeatureSelector(kept, d);
    }

    /** ANOVA F-score of each feature for two classes (NaN for a feature constant within both classes). */
    static double[] fScores(FeatureMatrix x, Labels y) {
        int n = x.rows();
        int d = x.cols();
        double[][] sum = new double[2][d];
        double[][] sq = new double[2][d];
        int[] count = new int[2];
        for (int r = 0; r < n; r++) {
            int cls = y.get(r);
            count[cls]++;
            for (int c = 0; c < d; c++) {
                double v = x.get(r, c);
                sum[cls][c] += v;
                sq[cls][c] += v * v;
            }
        }
        double[] f = new double[d];
        for (int c = 0; c < d; c++) {
            double total = sum[0][c] + sum[1][c];
            double grand = total / n;
            double between = 0;
            double within = 0;
            for (int cls = 0; cls < 2; cls++) {
                if (count[cls] == 0) {
                    continue;
                }
                double mean = sum[cls][c] / count[cls];
                between += count[cls] * (mean - grand) * (mean - grand);
                within += sq[cls][c] - count[cls] * mean * mean;
            }
            // two groups: between-group df = 1, within-group df = n - 2
            f[c] = within <= 1e-12 * Math.max(1, Math.abs(between)) ? Double.NaN : between / (within / (n - 2));
        }
        return f;
    }

    public int[] kept() {
        return kept.clone();
    }

    public int inputWidth() {
        return inputWidth;
    }

    public FeatureMatrix apply(FeatureMatrix x) {
        if (x.cols() != inputWidth) {
            throw new IllegalArgumentException("selector fitted on " + inputWidth + " features, got " + x.cols());
        }
        return x.selectColumns(kept);
    }

    /** Names of the kept features. */
    public List<String> keptNames(List<String> names) {
        List<String> out = new ArrayList<>(kept.length);
        for (int i : kept) {
            out.add(names.get(i));
        }
        return out;
    }

    /** The one-hot blocks after selection: each block shrinks to its kept columns, renumbered. */
    public List<CategoricalBlock> blocks(List<CategoricalBlock> before) {
        List<CategoricalBlock> out = new ArrayList<>();
        for (CategoricalBlock b : before) {
            int start = -1;
            int width = 0;
            for (int i = 0; i < kept.length; i++) {
                if (kept[i] >= b.start() && kept[i] < b.start() + b.width()) {
                    if (start < 0) {
                        start = i;
                    }
                    width++;
                }
            }
            if (width > 0) {
                out.add(new CategoricalBlock(b.name(), start, width));
            }
        }
        return out;
    }
}
