package dev.rareclass.smile.sampling;

import dev.rareclass.domain.sampling.Resampled;
import dev.rareclass.domain.sampling.SamplingInput;
import dev.rareclass.smile.sampling.Support.Classes;
import dev.rareclass.smile.sampling.Support.Synth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import smile.classification.SVM;
import smile.math.MathEx;
import smile.math.kernel.GaussianKernel;

/**
 * imblearn SVMSMOTE: an RBF SVM (C = {@code c}, gamma = 1 / (features · variance of X), scikit-learn's
 * {@code 'scale'}) finds the minority support vectors; those whose m nearest neighbours are all majority
 * are noise and dropped; the ones in danger interpolate towards minority neighbours, the safe ones
 * extrapolate away from them by up to {@code out-step}. The SVM is Smile's LASVM: kernel SVMs cost
 * roughly quadratic time in the rows, so this sampler suits tables up to some tens of thousands of rows.
 */
final class SvmSmote {

    private SvmSmote() {
    }

    static Resampled resample(SamplingInput in, SamplerParams p, long seed, String name) {
        Classes c = Classes.of(in, name);
        int n = Support.toGenerate(c, p.ratio(), name);
        int[] min = c.minority();
        int rows = in.y().size();
        OverSamplers.requireMinorityK(name, p, min.length);
        Support.requireNeighbours(name, p, "m", p.m(), rows - 1, rows + " rows (at most " + (rows - 1) + " neighbours each)");
        Synth s = new Synth(in, n);
        if (n == 0) {
            return s.result(c.minorityLabel());
        }
        int cols = in.x().cols();
        float[] data = in.x().data();
        double[][] x = new double[rows][cols];
        int[] y = new int[rows];
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < rows; i++) {
            for (int d = 0; d < cols; d++) {
                double v = data[i * cols + d];
                x[i][d] = v;
                sum += v;
                sumSq += v * v;
            }
            y[i] = in.y().get(i) == c.minorityLabel() ? 1 : -1;
        }
        double cells = (double) rows * cols;
        double var = sumSq / cells - (sum / cells) * (sum / cells);
        double gamma = var > 0 ? 1.0 / (cols * var) : 1.0;
        // LASVM draws from Smile's thread-local RNG and runs on this thread: seed it for repeatable support vectors
        MathEx.setSeed(seed);
        SVM<double[]> svm = SVM.fit(x, y, new GaussianKernel(Math.sqrt(1 / (2 * gamma))), new SVM.Options(p.c()));
        int[] support = supportRows(svm.vectors(), x, y);

        float[] view = Support.distanceView(in, min);
        Knn all = new Knn(view, cols, OverSamplers.range(rows));
        Knn.Result mnn = all.query(view, support, p.m(), true);
        int[] nMaj = OverSamplers.majorityCounts(mnn, support.length, in.y(), c.minorityLabel());
        int[] danger = IntStream.range(0, support.length)
                .filter(q -> nMaj[q] < p.m() && nMaj[q] >= p.m() / 2.0).map(q -> support[q]).toArray();
        int[] safe = IntStream.range(0, support.length)
                .filter(q -> nMaj[q] < p.m() / 2.0).map(q -> support[q]).toArray();
        SplittableRandom rng = new SplittableRandom(seed);
        double f = Support.beta(rng, 10);
        int nDanger = (int) (f * (n + 1));
        if (safe.length == 0) {
            nDanger = n;
        } else if (danger.length == 0) {
            nDanger = 0;
        }
        Knn minIndex = new Knn(view, cols, min);
        if (danger.length > 0 && nDanger > 0) {
            OverSamplers.generate(s, danger, minIndex.query(view, danger, p.k(), true), nDanger, 1.0, rng);
        }
        if (safe.length > 0 && n - nDanger > 0) {
            OverSamplers.generate(s, safe, minIndex.query(view, safe, p.k(), true), n - nDanger, -p.outStep(), rng);
        }
        return s.result(c.minorityLabel());
    }

    /** Minority rows that are support vectors, ascending (found by identity, else by value). */
    private static int[] supportRows(double[][] vectors, double[][] x, int[] y) {
        Map<double[], Integer> byRef = new IdentityHashMap<>();
        Map<List<Double>, Integer> byValue = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            byRef.put(x[i], i);
        }
        boolean[] sv = new boolean[x.length];
        for (double[] v : vectors) {
            Integer i = byRef.get(v);
            if (i == null) {
                if (byValue.isEmpty()) {
                    for (int r = 0; r < x.length; r++) {
                        byValue.putIfAbsent(Arrays.stream(x[r]).boxed().toList(), r);
                    }
                }
                i = byValue.get(Arrays.stream(v).boxed().toList());
            }
            if (i != null && y[i] == 1) {
                sv[i] = true;
            }
        }
        return IntStream.range(0, x.length).filter(i -> sv[i]).toArray();
    }
}
