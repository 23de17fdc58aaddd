package dev.rareclass.smile.sampling;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.sampling.CategoricalBlock;
import dev.rareclass.domain.sampling.Resampled;
import dev.rareclass.domain.sampling.SamplingInput;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Shared pieces of the samplers: class counts, targets, output assembly, SMOTE-NC distances. */
final class Support {

    private Support() {
    }

    /** The two classes of a binary input; minority = the smaller (label 1 on a tie). */
    record Classes(int minorityLabel, int[] minority, int[] majority) {
        static Classes of(SamplingInput in, String sampler) {
            Labels y = in.y();
            if (!y.hasBothClasses()) {
                throw new DataException("sampler " + sampler + " needs both classes, but the rows hold only class "
                        + (y.positives() > 0 ? 1 : 0) + (y.size() == 0 ? " (no rows)" : ""));
            }
            int minLabel = y.positives() <= y.negatives() ? 1 : 0;
            return new Classes(minLabel, y.indicesOf(minLabel), y.indicesOf(1 - minLabel));
        }
    }

    /** Synthetic rows to add so that minority/majority = ratio (imbalanced-learn's float strategy). */
    static int toGenerate(Classes c, double ratio, String sampler) {
        long n = (long) ((double) c.majority().length * ratio - c.minority().length);
        if (n < 0) {
            throw new UsageException("sampler " + sampler + ": ratio=" + ratio + " asks for fewer minority rows than the "
                    + c.minority().length + " there are; an over-sampler only adds rows, so raise ratio");
        }
        return (int) n;
    }

    /** Majority rows to keep so that minority/majority = ratio. */
    static int majorityToKeep(Classes c, double ratio, String sampler) {
        long n = (long) (c.minority().length / ratio);
        if (n > c.majority().length) {
            throw new UsageException("sampler " + sampler + ": ratio=" + ratio + " asks for more majority rows ("
                    + n + ") than the " + c.majority().length + " there are; an under-sampler only removes rows, so raise ratio");
        }
        return (int) n;
    }

    /**
     * Fails unless {@code k} neighbours (parameter {@code param} of {@code p}) can be found among {@code available}
     * rows. A count the user set is theirs to lower: a usage error. A default the rows cannot meet is the data's
     * shortfall, as SMOTE's single minority row is: a data error. Both say the same, so either way the user reads
     * the fix.
     */
    static void requireNeighbours(String sampler, SamplerParams p, String param, int k, int available, String what) {
        if (k > available) {
            String message = "sampler " + sampler + ": " + param + "=" + k + " neighbours needs more rows, but there are "
                    + what + "; lower " + param;
            if (p.given().contains(param)) {
                throw new UsageException(message);
            }
            throw new DataException(message);
        }
    }

    /** Keeps the given rows (ascending); their origin is their index. */
    static Resampled keep(SamplingInput in, int[] kept) {
        return new Resampled(in.x().selectRows(kept), in.y().select(kept), kept);
    }

    static int[] sorted(int[] a) {
        int[] s = a.clone();
        Arrays.sort(s);
        return s;
    }

    /** Rows not flagged for removal, ascending. */
    static int[] complement(boolean[] removed) {
        int n = 0;
        for (boolean r : removed) {
            if (!r) {
                n++;
            }
        }
        int[] out = new int[n];
        int j = 0;
        for (int i = 0; i < removed.length; i++) {
            if (!removed[i]) {
                out[j++] = i;
            }
        }
        return out;
    }

    /** Beta(a, a) for integer a: G1 / (G1 + G2) with Gamma(a) = sum of a unit exponentials. */
    static double beta(SplittableRandom rng, int a) {
        double g1 = 0;
        double g2 = 0;
        for (int i = 0; i < a; i++) {
            g1 -= Math.log(1 - rng.nextDouble());
        }
        for (int i = 0; i < a; i++) {
            g2 -= Math.log(1 - rng.nextDouble());
        }
        return g1 / (g1 + g2);
    }

    /**
     * SMOTE's neighbour space: the features, with one-hot columns scaled to half the median standard
     * deviation of the minority's continuous columns (SMOTE-NC), so two rows that differ in one category
     * are one median std apart; without continuous columns, one apart. Without categorical blocks this is the
     * matrix itself (no copy).
     */
    static float[] distanceView(SamplingInput in, int[] minority) {
        List<CategoricalBlock> blocks = in.categorical();
        float[] data = in.x().data();
        if (blocks.isEmpty()) {
            return data;
        }
        int cols = in.x().cols();
        boolean[] cat = new boolean[cols];
        for (CategoricalBlock b : blocks) {
            for (int c = b.start(); c < b.start() + b.width(); c++) {
                cat[c] = true;
            }
        }
        double[] stds = new double[cols];
        int nc = 0;
        for (int c = 0; c < cols; c++) {
            if (cat[c]) {
                continue;
            }
            double mean = 0;
            for (int r : minority) {
                mean += data[r * cols + c];
            }
            mean /= minority.length;
            double ss = 0;
            for (int r : minority) {
                double d = data[r * cols + c] - mean;
                ss += d * d;
            }
            stds[nc++] = Math.sqrt(ss / minority.length);
        }
        double median = 0;
        if (nc > 0) {
            double[] s = Arrays.copyOf(stds, nc);
            Arrays.sort(s);
            median = nc % 2 == 1 ? s[nc / 2] : (s[nc / 2 - 1] + s[nc / 2]) / 2;
        }
        // without a continuous column there is no median (imbalanced-learn's SMOTE-NC refuses such a table): a weight
        // of 0 put every row at distance 0 from every other, so the neighbours were arbitrary; any one weight ranks
        // them by the number of categories they differ in, as SMOTEN's (Hamming for its value-difference metric)
        float w = nc == 0 ? 1f : (float) (median / 2);
        float[] view = data.clone();
        int rows = in.x().rows();
        for (CategoricalBlock b : blocks) {
            for (int r = 0; r < rows; r++) {
                int off = r * cols + b.start();
                int hot = category(data, off, b.width());
                for (int j = 0; j < b.width(); j++) {
                    view[off + j] = j == hot ? w : 0f;
                }
            }
        }
        return view;
    }

    /** The category a one-hot block holds (its largest column; the first on a tie). */
    static int category(float[] data, int off, int width) {
        int best = 0;
        for (int j = 1; j < width; j++) {
            if (data[off + j] > data[off + best]) {
                best = j;
            }
        }
        return best;
    }

    /** Synthetic rows, appended after the originals. */
    static final class Synth {
        private final SamplingInput in;
        private final float[] x;
        private final int cols;
        private float[] out;
        private int n;

        Synth(SamplingInput in, int expected) {
            this.in = in;
            this.x = in.x().data();
            this.cols = in.x().cols();
            this.out = new float[Math.max(1, expected) * cols];
        }

        /**
         * Adds {@code a + t·(b − a)}; each categorical block takes the most frequent category among
         * {@code neighbours[from, to)} (ties broken by {@code rng}).
         */
        void add(int a, int b, double t, int[] neighbours, int from, int to, SplittableRandom rng) {
            if ((n + 1) * cols > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, (n + 1) * cols));
            }
            int o = n * cols;
            int ao = a * cols;
            int bo = b * cols;
            for (int c = 0; c < cols; c++) {
                double va = x[ao + c];
                out[o + c] = (float) (va + t * (x[bo + c] - va));
            }
            for (CategoricalBlock blk : in.categorical()) {
                int w = blk.width();
                int[] counts = new int[w];
                for (int i = from; i < to; i++) {
                    counts[category(x, neighbours[i] * cols + blk.start(), w)]++;
                }
                int max = 0;
                int ties = 0;
                for (int j = 0; j < w; j++) {
                    if (counts[j] > max) {
                        max = counts[j];
                        ties = 1;
                    } else if (counts[j] == max) {
                        ties++;
                    }
                }
                int pick = ties == 1 ? 0 : rng.nextInt(ties);
                int chosen = -1;
                for (int j = 0; j < w; j++) {
                    if (counts[j] == max && pick-- == 0) {
                        chosen = j;
                        break;
                    }
                }
                for (int j = 0; j < w; j++) {
                    out[o + blk.start() + j] = j == chosen ? 1f : 0f;
                }
            }
            n++;
        }

        int size() {
            return n;
        }

        /** The originals, then these rows labelled {@code label}. */
        Resampled result(int label) {
            int rows = in.x().rows();
            FeatureMatrix extra = FeatureMatrix.wrap(n, cols, Arrays.copyOf(out, n * cols));
            int[] lab = new int[n];
            Arrays.fill(lab, label);
            int[] origin = new int[rows + n];
            for (int i = 0; i < rows; i++) {
                origin[i] = i;
            }
            Arrays.fill(origin, rows, rows + n, -1);
            return new Resampled(in.x().appendRows(extra), in.y().append(Labels.wrap(lab)), origin);
        }
    }
}
