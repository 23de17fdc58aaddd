package dev.rareclass.smile.sampling;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.sampling.Resampled;
import dev.rareclass.domain.sampling.SamplingInput;
import dev.rareclass.smile.sampling.Support.Classes;
import dev.rareclass.smile.sampling.Support.Synth;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Random over-sampling and the SMOTE family, after imbalanced-learn 0.10. */
final class OverSamplers {

    private OverSamplers() {
    }

    /** imblearn RandomOverSampler: repeats minority rows drawn uniformly with replacement. */
    static Resampled randomOver(SamplingInput in, SamplerParams p, long seed, String name) {
        Classes c = Classes.of(in, name);
        int n = Support.toGenerate(c, p.ratio(), name);
        SplittableRandom rng = new SplittableRandom(seed);
        int rows = in.y().size();
        int[] origin = new int[rows + n];
        for (int i = 0; i < rows; i++) {
            origin[i] = i;
        }
        int[] picks = new int[n];
        for (int i = 0; i < n; i++) {
            picks[i] = c.minority()[rng.nextInt(c.minority().length)];
            origin[rows + i] = picks[i];
        }
        FeatureMatrix x = in.x().appendRows(in.x().selectRows(picks));
        Labels y = in.y().append(in.y().select(picks));
        return new Resampled(x, y, origin);
    }

    /** imblearn SMOTE: interpolates between a minority row and one of its k nearest minority rows. */
    static Resampled smote(SamplingInput in, SamplerParams p, long seed, String name) {
        Classes c = Classes.of(in, name);
        int n = Support.toGenerate(c, p.ratio(), name);
        int[] min = c.minority();
        requireMinorityK(name, p, min.length);
        float[] view = Support.distanceView(in, min);
        int cols = in.x().cols();
        Knn.Result nn = new Knn(view, cols, min).query(view, min, p.k(), true);
        SplittableRandom rng = new SplittableRandom(seed);
        Synth s = new Synth(in, n);
        generate(s, min, nn, n, 1.0, rng);
        return s.result(c.minorityLabel());
    }

    /** imblearn's {@code _make_samples}: n rows from random (base, neighbour) pairs, step in [0, step). */
    static void generate(Synth s, int[] bases, Knn.Result nn, int n, double step, SplittableRandom rng) {
        int k = nn.k();
        int[] idx = nn.index();
        for (int i = 0; i < n; i++) {
            int pick = rng.nextInt(bases.length * k);
            int row = pick / k;
            double t = step * rng.nextDouble();
            s.add(bases[row], idx[pick], t, idx, row * k, row * k + k, rng);
        }
    }

    static void requireMinorityK(String name, SamplerParams p, int minority) {
        Support.requireNeighbours(name, p, "k", p.k(), minority - 1, minority + " minority rows (at most " + (minority - 1)
                + " neighbours each)");
    }

    /**
     * Number of majority rows among each query's neighbours.
     */
    static int[] majorityCounts(Knn.Result nn, int queries, Labels y, int minorityLabel) {
        int[] out = new int[queries];
        for (int q = 0; q < queries; q++) {
            for (int j = 0; j < nn.k(); j++) {
                if (y.get(nn.neighbour(q, j)) != minorityLabel) {
                    out[q]++;
                }
            }
        }
        return out;
    }

    /**
     * imblearn BorderlineSMOTE: only minority rows "in danger" (at least half, but not all, of their m
     * nearest neighbours in the whole table are majority) seed new rows. Kind 2 also interpolates
     * towards majority neighbours with a step below 0.5.
     */
    static Resampled borderline(SamplingInput in, SamplerParams p, long seed, String name, int kind) {
        Classes c = Classes.of(in, name);
        int n = Support.toGenerate(c, p.ratio(), name);
        int[] min = c.minority();
        int rows = in.y().size();
        requireMinorityK(name, p, min.length);
        Support.requireNeighbours(name, p, "m", p.m(), rows - 1, rows + " rows (at most " + (rows - 1) + " neighbours each)");
        float[] view = Support.distanceView(in, min);
        int cols = in.x().cols();
        int[] all = new int[rows];
        for (int i = 0; i < rows; i++) {
            all[i] = i;
        }
        Knn.Result mnn = new Knn(view, cols, all).query(view, min, p.m(), true);
        int[] nMaj = majorityCounts(mnn, min.length, in.y(), c.minorityLabel());
        int[] danger = Arrays.stream(range(min.length))
                .filter(q -> nMaj[q] >= p.m() / 2.0 && nMaj[q] < p.m()).map(q -> min[q]).toArray();
        SplittableRandom rng = new SplittableRandom(seed);
        Synth s = new Synth(in, n);
        if (danger.length == 0 || n == 0) {
            return s.result(c.minorityLabel());
        }
        Knn.Result knn = new Knn(view, cols, min).query(view, danger, p.k(), true);
        if (kind == 1) {
            generate(s, danger, knn, n, 1.0, rng);
        } else {
            double f = Support.beta(rng, 10);
            generate(s, danger, knn, (int) (f * (n + 1)), 1.0, rng);
            Knn.Result majNn = new Knn(view, cols, c.majority()).query(view, danger, Math.min(p.k(), c.majority().length), false);
            generate(s, danger, majNn, (int) ((1 - f) * n), 0.5, rng);
        }
        return s.result(c.minorityLabel());
    }

    /**
     * imblearn ADASYN: each minority row seeds a number of rows proportional to the share of majority
     * rows among its k nearest neighbours in the whole table (rounded half to even, as numpy's rint).
     */
    static Resampled adasyn(SamplingInput in, SamplerParams p, long seed, String name) {
        Classes c = Classes.of(in, name);
        int n = Support.toGenerate(c, p.ratio(), name);
        int[] min = c.minority();
        requireMinorityK(name, p, min.length);
        int rows = in.y().size();
        float[] view = Support.distanceView(in, min);
        int cols = in.x().cols();
        Synth s = new Synth(in, n);
        if (n == 0) {
            return s.result(c.minorityLabel());
        }
        int[] all = range(rows);
        Knn.Result nn = new Knn(view, cols, all).query(view, min, p.k(), true);
        int[] nMaj = majorityCounts(nn, min.length, in.y(), c.minorityLabel());
        double[] ratio = new double[min.length];
        double sum = 0;
        for (int q = 0; q < min.length; q++) {
            ratio[q] = (double) nMaj[q] / p.k();
            sum += ratio[q];
        }
        if (sum == 0) {
            throw new DataException("sampler " + name + ": no minority row has a majority row among its " + p.k()
                    + " nearest neighbours, so ADASYN has no density to follow; use smote");
        }
        int[] count = new int[min.length];
        int total = 0;
        for (int q = 0; q < min.length; q++) {
            count[q] = (int) Math.rint(ratio[q] / sum * n);
            total += count[q];
        }
        if (total == 0) {
            throw new DataException("sampler " + name + ": no rows would be generated with ratio=" + p.ratio());
        }
        Knn.Result knn = new Knn(view, cols, min).query(view, min, p.k(), true);
        SplittableRandom rng = new SplittableRandom(seed);
        s = new Synth(in, total);
        int[] idx = knn.index();
        int k = p.k();
        for (int q = 0; q < min.length; q++) {
            for (int i = 0; i < count[q]; i++) {
                int j = rng.nextInt(k);
                double t = rng.nextDouble();
                s.add(min[q], idx[q * k + j], t, idx, q * k, q * k + k, rng);
            }
        }
        return s.result(c.minorityLabel());
    }

    static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
