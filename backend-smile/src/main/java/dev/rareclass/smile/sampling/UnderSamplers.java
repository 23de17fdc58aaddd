package dev.rareclass.smile.sampling;

import dev.rareclass.domain.sampling.Resampled;
import dev.rareclass.domain.sampling.SamplingInput;
import dev.rareclass.smile.sampling.Support.Classes;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Random under-sampling and NearMiss 1, 2, 3, after imbalanced-learn 0.10. */
final class UnderSamplers {

    private UnderSamplers() {
    }

    /** imblearn RandomUnderSampler: keeps a uniform random subset of the majority, without replacement. */
    static Resampled randomUnder(SamplingInput in, SamplerParams p, long seed, String name) {
        Classes c = Classes.of(in, name);
        int keep = Support.majorityToKeep(c, p.ratio(), name);
        int[] drawn = drawWithoutReplacement(c.majority(), keep, new SplittableRandom(seed));
        return Support.keep(in, merge(c.minority(), drawn));
    }

    /**
     * {@code keep} of {@code from}'s entries drawn uniformly without replacement (a partial Fisher-Yates shuffle of a
     * copy), in the order drawn; shared by the {@code random-under} sampler and {@link RandomUnderSampling}.
     */
    static int[] drawWithoutReplacement(int[] from, int keep, SplittableRandom rng) {
        int[] a = from.clone();
        for (int i = 0; i < keep; i++) {
            int j = i + rng.nextInt(a.length - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return Arrays.copyOf(a, keep);
    }

    /**
     * imblearn NearMiss: keeps the majority rows with the smallest mean distance to their k nearest
     * minority rows (version 1), the smallest mean distance to their k farthest minority rows
     * (version 2), or, among the majority rows that are among the k-ver3 nearest of some minority row,
     * those with the largest mean distance to their k nearest minority rows (version 3, which may keep
     * fewer rows than asked). Ties go to the lower row index, as Python's stable sort.
     */
    static Resampled nearMiss(SamplingInput in, SamplerParams p, String name, int version) {
        Classes c = Classes.of(in, name);
        int keep = Support.majorityToKeep(c, p.ratio(), name);
        int[] min = c.minority();
        int[] maj = c.majority();
        float[] x = in.x().data();
        int cols = in.x().cols();
        Support.requireNeighbours(name, p, "k", p.k(), min.length, min.length + " minority rows");
        int[] candidates;
        double[] score;
        boolean farthest = false;
        if (version == 1) {
            candidates = maj;
            score = meanNearest(new Knn(x, cols, min), x, maj, p.k());
        } else if (version == 2) {
            candidates = maj;
            score = sumFarthest(x, cols, min, maj, p.k());
        } else {
            Support.requireNeighbours(name, p, "k-ver3", p.kVer3(), maj.length, maj.length + " majority rows");
            Knn.Result nn = new Knn(x, cols, maj).query(x, min, p.kVer3(), false);
            candidates = Arrays.stream(nn.index()).distinct().sorted().toArray();
            score = meanNearest(new Knn(x, cols, min), x, candidates, p.k());
            farthest = true;
        }
        Integer[] order = new Integer[candidates.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        boolean far = farthest;
        Arrays.sort(order, (a, b) -> {
            int cmp = far ? Double.compare(score[b], score[a]) : Double.compare(score[a], score[b]);
            return cmp != 0 ? cmp : Integer.compare(a, b);
        });
        int take = Math.min(keep, order.length);
        int[] kept = new int[take];
        for (int i = 0; i < take; i++) {
            kept[i] = candidates[order[i]];
        }
        return Support.keep(in, merge(min, kept));
    }

    /** Sum of the Euclidean distances to the k nearest indexed rows (imblearn sums, not averages; same order). */
    private static double[] meanNearest(Knn index, float[] x, int[] queries, int k) {
        Knn.Result nn = index.query(x, queries, k, false);
        double[] out = new double[queries.length];
        for (int q = 0; q < queries.length; q++) {
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += nn.distance(q, j);
            }
            out[q] = s;
        }
        return out;
    }

    /** Sum of the Euclidean distances to the k farthest minority rows: a full scan (NearMiss-2 needs every distance). */
    private static double[] sumFarthest(float[] x, int cols, int[] min, int[] maj, int k) {
        int nm = min.length;
        float[][] colMajor = new float[cols][nm]; // same index in column and buffer: C2 vectorises
        for (int j = 0; j < nm; j++) {
            for (int d = 0; d < cols; d++) {
                colMajor[d][j] = x[min[j] * cols + d];
            }
        }
        double[] out = new double[maj.length];
        int chunk = 256;
        IntStream.range(0, (maj.length + chunk - 1) / chunk).parallel().forEach(g -> {
            float[] d2 = new float[nm];
            float[] top = new float[k];
            for (int q = g * chunk; q < Math.min(maj.length, (g + 1) * chunk); q++) {
                Arrays.fill(d2, 0f);
                int qo = maj[q] * cols;
                for (int d = 0; d < cols; d++) {
                    float v = x[qo + d];
                    float[] col = colMajor[d];
                    for (int j = 0; j < nm; j++) {
                        float t = col[j] - v;
                        d2[j] += t * t;
                    }
                }
                Arrays.fill(top, -1f); // ascending; top[0] is the smallest of the k largest
                for (int j = 0; j < nm; j++) {
                    float v = d2[j];
                    if (v > top[0]) {
                        int p = 0;
                        while (p + 1 < k && top[p + 1] < v) {
                            top[p] = top[p + 1];
                            p++;
                        }
                        top[p] = v;
                    }
                }
                double s = 0;
                for (float v : top) {
                    s += Math.sqrt(v);
                }
                out[q] = s;
            }
        });
        return out;
    }

    /** Union of two disjoint row sets, ascending. */
    static int[] merge(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        Arrays.sort(out);
        return out;
    }
}
