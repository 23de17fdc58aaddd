package dev.rareclass.domain.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * 95% bootstrap intervals of pr_auc, roc_auc, recall and precision: the rows are resampled with replacement within
 * each class (stratified, so every resample keeps the table's positives and negatives counts), the metrics are
 * computed on each resample, and the interval runs from the 2.5th to the 97.5th percentile of the values (numpy's
 * linear interpolation). Seeded, so the same rows give the same interval.
 *
 * <p>A resample's metrics need only its counts of each class's rows per score segment (see {@link Ranked}), and the
 * rows are sorted by score once, so a resample's metrics take one pass over the segments. Drawing a class's {@code n}
 * rows uniformly with replacement puts Multinomial(n; c_1/n, ..., c_S/n) draws in its S segments, c_s being the
 * class's rows in segment s; a class with many rows per segment has those counts drawn as such, by conditional
 * binomials: k_1 ~ Binomial(n, c_1/n), then k_2 ~ Binomial(n - k_1, c_2/(n - c_1)), and so on, the last segment taking
 * the rest ({@link Binomial}), one draw per segment rather than one per row; a class with few rows per segment is
 * drawn row by row ({@link Occupied}). The distribution of the counts, and so of the intervals, is the same either
 * way, though not the digits for a seed.
 * Each resample draws from its own random stream, split from the seed's in resample order, so the resamples run on
 * every core and give the same intervals on any number of them.
 *
 * <p>Drawing every row, {@code score} of 2,000,000 rows (1.5% positive, scores of 4 decimals) made 2 billion draws
 * and took 43-46 s (27 s of CPU) on 2 cores shared with other work; with the negatives drawn by segments (1,969,965
 * draws per resample become 5,362 binomials; the 30,035 positives in 6,622 segments are still drawn row by row) it
 * took 8.0-8.8 s (4.5 s of CPU), where pandas and scikit-learn took 10.5-13.6 s without the intervals (alternating
 * runs at load 6-8, 2026-12-07; docs/BENCHMARKS.md, {@code scripts/bench/score}).
 */
public final class BootstrapIntervals {

    /** Resamples by default. */
    public static final int RESAMPLES = 1000;

    /** One metric's interval. */
    public record Interval(double low, double high) {
        public boolean contains(double v) {
            return v >= low && v <= high;
        }

        public double width() {
            return high - low;
        }
    }

    private BootstrapIntervals() {
    }

    /**
     * @param threshold the threshold recall and precision are taken at ({@code score >= threshold})
     * @return the intervals by metric name ({@code pr_auc}, {@code roc_auc}, {@code recall}, {@code precision}), or an
     *         empty map when a class is missing
     */
    public static Map<String, Interval> of(int[] y, double[] scores, double threshold, int resamples, long seed) {
        if (y.length > 0) {
            Inputs.checkLabelsAndScores(y, scores); // finite scores, as every curve of this package takes them
        }
        Ranked ranked = new Ranked(y, scores, threshold);
        Map<String, Interval> out = new LinkedHashMap<>();
        if (ranked.positives() == 0 || ranked.negatives() == 0 || resamples < 2) {
            return out;
        }
        double[][] values = resampled(ranked, resamples, seed, true);
        String[] names = {"pr_auc", "roc_auc", "recall", "precision"};
        for (int m = 0; m < names.length; m++) {
            double[] v = values[m];
            Arrays.sort(v);
            if (Double.isNaN(v[0]) || Double.isNaN(v[v.length - 1])) {
                continue;
            }
            out.put(names[m], new Interval(percentile(v, 2.5), percentile(v, 97.5)));
        }
        return out;
    }

    /**
     * Every resample's metrics ({@code [metric][resample]}). A resample draws as many positive rows as there are,
     * uniformly with replacement, then as many negative ones, as their counts per segment ({@link Ranked#draw}).
     * Resample {@code r} draws from its own random stream, the {@code r}-th split of the seed's, so that the values
     * are the same whether the resamples run on one thread or on every core (in blocks, each with its own counts).
     */
    static double[][] resampled(Ranked ranked, int resamples, long seed, boolean parallel) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[resamples];
        for (int r = 0; r < resamples; r++) {
            streams[r] = root.split();
        }
        double[][] values = new double[4][resamples];
        int blocks = parallel ? Math.min(resamples, 4 * Runtime.getRuntime().availableProcessors()) : 1;
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, blocks);
        (parallel ? range.parallel() : range).forEach(b -> {
            int segments = ranked.segmentEnds.length;
            int[] tp = new int[segments];
            int[] fp = new int[segments];
            for (int r = (int) ((long) resamples * b / blocks); r < (long) resamples * (b + 1) / blocks; r++) {
                ranked.draw(streams[r], tp, fp);
                ranked.metrics(tp, fp, values, r);
            }
        });
        return values;
    }

    /**
     * A uniform draw from {@code [0, bound)}: Lemire's multiply-and-shift with rejection (ACM TOMACS 2019), unbiased
     * and, unlike {@code nextInt(bound)}, without a division on almost every draw (the bootstrap draws tens of millions).
     */
    static int below(SplittableRandom random, int bound) {
        long m = (random.nextInt() & 0xFFFF_FFFFL) * bound;
        long low = m & 0xFFFF_FFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound; // 2^32 mod bound: the draws to reject
            while (low < threshold) {
                m = (random.nextInt() & 0xFFFF_FFFFL) * bound;
                low = m & 0xFFFF_FFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** The four metrics of the rows as they are (every count 1): pr_auc, roc_auc, recall, precision. */
    static double[] once(int[] y, double[] scores, double threshold) {
        Ranked ranked = new Ranked(y, scores, threshold);
        double[][] out = new double[4][1];
        ranked.metrics(ranked.positiveCounts, ranked.negativeCounts, out, 0);
        return new double[] {out[0][0], out[1][0], out[2][0], out[3][0]};
    }

    /**
     * The rows in descending score order, cut into segments that a resample's metrics need only the class counts of:
     * each group of tied scores with a positive row (one operating point of the curves, as scikit-learn takes them),
     * and each run of groups without one between them (along such a run recall stays put, so the average precision
     * gains nothing and the ROC area a rectangle). A run ends where the threshold falls, so recall and precision at
     * the threshold are read between two segments.
     */
    static final class Ranked {
        /** Per segment: its positive rows. */
        final int[] positiveCounts;
        /** Per segment: its negative rows. */
        final int[] negativeCounts;
        /** Per segment: the position (in score order) after its last row. */
        final int[] segmentEnds;
        /** The segment after which recall and precision are taken (the last one scoring at least the threshold); -1: none. */
        final int atThreshold;
        private final int positives;
        private final int negatives;
        /** How {@link #positiveCounts} and {@link #negativeCounts} are drawn. */
        private final Occupied positiveDraws;
        private final Occupied negativeDraws;

        Ranked(int[] y, double[] scores, double threshold) {
            this(y, scores, threshold, 0);
        }

        /** @param bySegments how each class is drawn: 1 by segments, -1 row by row, 0 as {@link Occupied} chooses */
        Ranked(int[] y, double[] scores, double threshold, int bySegments) {
            int n = y.length;
            // the rows in descending score order, as each class's scores sorted on their own and merged: a row's
            // segment depends only on its class and score, so which of two tied rows comes first does not matter, and
            // two primitive sorts take a fraction of one sort of boxed row indices (2.2 s at 2,000,000 rows)
            double[] sorted = new double[n];
            boolean[] positiveAt = new boolean[n];
            descending(y, scores, sorted, positiveAt);
            // the tie groups: where each ends, whether it has a positive row, whether it reaches the threshold
            int[] groupEnds = new int[n];
            boolean[] withPositive = new boolean[n];
            int groups = 0;
            int reaching = 0; // groups up to the last one scoring at least the threshold
            int positives = 0;
            for (int i = 0; i < n; i++) {
                boolean positive = positiveAt[i];
                positives += positive ? 1 : 0;
                withPositive[groups] |= positive;
                double s = sorted[i];
                if (i == n - 1 || sorted[i + 1] != s) {
                    groupEnds[groups++] = i + 1;
                    if (s >= threshold) {
                        reaching = groups;
                    }
                }
            }
            // segments: a group with a positive row alone; consecutive groups without one together, cut at the threshold
            int[] ends = new int[groups];
            int segments = 0;
            int cut = -1;
            for (int g = 0; g < groups; g++) {
                boolean joins = !withPositive[g] && g > 0 && !withPositive[g - 1] && g != reaching;
                if (joins) {
                    ends[segments - 1] = groupEnds[g];
                } else {
                    ends[segments++] = groupEnds[g];
                }
                if (g + 1 == reaching) {
                    cut = segments - 1;
                }
            }
            segmentEnds = Arrays.copyOf(ends, segments);
            atThreshold = cut;
            positiveCounts = new int[segments];
            negativeCounts = new int[segments];
            for (int i = 0, segment = 0; i < n; i++) {
                while (i >= segmentEnds[segment]) {
                    segment++;
                }
                if (positiveAt[i]) {
                    positiveCounts[segment]++;
                } else {
                    negativeCounts[segment]++;
                }
            }
            this.positives = positives;
            this.negatives = n - positives;
            positiveDraws = new Occupied(positiveCounts, bySegments);
            negativeDraws = new Occupied(negativeCounts, bySegments);
        }

        int positives() {
            return positives;
        }

        int negatives() {
            return negatives;
        }

        /**
         * One resample's counts per segment into {@code tp} and {@code fp}: as many positive rows as there are drawn
         * uniformly with replacement, then as many negative ones, each class by segments or row by row
         * ({@link Occupied}).
         */
        void draw(SplittableRandom random, int[] tp, int[] fp) {
            positiveDraws.draw(random, tp);
            negativeDraws.draw(random, fp);
        }

        /**
         * One resample's metrics from its positive and negative row counts per segment, into {@code out[m][r]}. The
         * counts are whole numbers, summed exactly in longs, as is twice the ROC area (a sum of whole trapezoids): the
         * same values as the row-by-row definitions.
         */
        void metrics(int[] tpIn, int[] fpIn, double[][] out, int r) {
            double positives = positives();
            long tp = 0;
            long fp = 0;
            long twiceAuc = 0;
            double ap = 0;
            double prevRecall = 0;
            long tpAt = 0;
            long fpAt = 0;
            for (int s = 0; s < tpIn.length; s++) {
                long prevTp = tp;
                long prevFp = fp;
                tp += tpIn[s];
                fp += fpIn[s];
                if (tp != prevTp) {
                    double recall = tp / positives;
                    ap += (recall - prevRecall) * ((double) tp / (tp + fp));
                    prevRecall = recall;
                }
                twiceAuc += (fp - prevFp) * (tp + prevTp);
                if (s == atThreshold) {
                    tpAt = tp;
                    fpAt = fp;
                }
            }
            out[0][r] = ap;
            out[1][r] = twiceAuc / 2.0 / (positives * negatives());
            out[2][r] = tpAt / positives;
            out[3][r] = tpAt + fpAt == 0 ? 0 : (double) tpAt / (tpAt + fpAt);
        }
    }

    /**
     * One class's rows per segment, and how a resample draws them: {@code n} of its rows with replacement, counted per
     * segment, are a multinomial draw, drawn one of two ways with the same distribution. By segments: a chain of
     * binomials in score order, the first segment taking Binomial(n, c_1/n) of the draws and, given the draws placed
     * so far, each later one a binomial share of the draws left by its rows among the rows left
     * (c_s/(c_s + ... + c_S)), the last the rest; one binomial per segment holding the class. Or row by row: n uniform
     * draws of a row, each counted in its segment through a {@link SegmentLookup}.
     *
     * <p>A binomial draw costs about ten uniform ones (inversion or BTRD, {@link Binomial}; 100-130 ns against 7-10 ns
     * for a {@code nextInt}, on a loaded machine), so a class is drawn by segments when it has at least
     * {@link #ROWS_PER_BINOMIAL} rows per segment holding it, row by row otherwise. The choice depends on the table
     * only, so a seed gives the same intervals on any number of threads. {@code BootstrapIntervals.of} (1,000
     * resamples, in one process, medians, 2 cores at load 8-9, 2026-12-07): 2,000,000 rows of 1.5% positives with
     * scores of 4 decimals, every row drawn 47.0 s, every class by segments 1.8 s, this choice (the positives row by
     * row) 0.6 s; with distinct scores 43.5 s, 8.0 s and 4.8 s; 200,000 rows, half positive, distinct scores (a segment
     * every row or two) 6.7 s, 16.9 s and 6.8 s (row by row).
     */
    static final class Occupied {
        /** Rows per segment from which a class is drawn by segments. */
        static final int ROWS_PER_BINOMIAL = 10;

        /** The segments holding some of the class's rows, in score order. */
        private final int[] segments;
        /** Per such segment: the class's rows in it. */
        private final int[] rows;
        private final int total;
        /** Each row's segment, when the class is drawn row by row; otherwise null. */
        private final SegmentLookup lookup;

        Occupied(int[] counts) {
            this(counts, 0);
        }

        /** @param bySegments 1: by segments, -1: row by row, 0: as the rows per segment say */
        Occupied(int[] counts, int bySegments) {
            int occupied = 0;
            int total = 0;
            for (int c : counts) {
                occupied += c > 0 ? 1 : 0;
                total += c;
            }
            segments = new int[occupied];
            rows = new int[occupied];
            for (int s = 0, i = 0; s < counts.length; s++) {
                if (counts[s] > 0) {
                    segments[i] = s;
                    rows[i++] = counts[s];
                }
            }
            this.total = total;
            boolean byRows = bySegments == 0 ? (long) occupied * ROWS_PER_BINOMIAL > total : bySegments < 0;
            if (byRows) {
                int[] rowSegment = new int[total];
                for (int i = 0, row = 0; i < occupied; i++) {
                    Arrays.fill(rowSegment, row, row + rows[i], segments[i]);
                    row += rows[i];
                }
                lookup = new SegmentLookup(rowSegment, counts.length);
            } else {
                lookup = null;
            }
        }

        boolean bySegments() {
            return lookup == null;
        }

        /** {@code total} rows drawn with replacement, counted per segment into {@code into} (every entry set). */
        void draw(SplittableRandom random, int[] into) {
            Arrays.fill(into, 0);
            if (lookup != null) {
                for (int i = 0; i < total; i++) {
                    into[lookup.segment(below(random, total))]++;
                }
                return;
            }
            int left = total; // draws not yet placed
            int rest = total; // rows of this segment and the ones after it
            for (int i = 0; i < segments.length && left > 0; i++) {
                int c = rows[i];
                int k = c == rest ? left : Binomial.draw(random, left, (double) c / rest);
                into[segments[i]] = k;
                left -= k;
                rest -= c;
            }
        }
    }

    /**
     * A class's rows' segments (non-decreasing, as the rows are in score order) in tables of a size near the number of
     * segments: where each segment's rows end, and per bucket of {@code 2^shift} consecutive rows the segment of its
     * first row. A row's segment is then its bucket's first one, stepped past the segments that end before the row;
     * a bucket starts about one segment end on average (there are at least as many buckets as segments), so for a
     * uniform draw the expected steps are at most one, however unevenly the rows fall into segments.
     */
    static final class SegmentLookup {
        /** Per segment: the number of the class's rows in it and the segments before it. */
        private final int[] ends;
        /** Per bucket: the segment of its first row. */
        private final int[] first;
        private final int shift;

        SegmentLookup(int[] rowSegment, int segments) {
            int rows = rowSegment.length;
            ends = new int[segments];
            for (int s : rowSegment) {
                ends[s]++;
            }
            for (int s = 1; s < segments; s++) {
                ends[s] += ends[s - 1];
            }
            int rowBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, rows - 1));
            int bucketBits = 32 - Integer.numberOfLeadingZeros(segments); // 2^bucketBits > segments
            shift = Math.max(0, rowBits - bucketBits);
            first = new int[rows == 0 ? 0 : ((rows - 1) >>> shift) + 1];
            for (int b = 0; b < first.length; b++) {
                first[b] = rowSegment[b << shift];
            }
        }

        /** The segment of the class's {@code row}-th row in score order. */
        int segment(int row) {
            int s = first[row >>> shift];
            while (ends[s] <= row) {
                s++;
            }
            return s;
        }
    }

    /**
     * Every row's score in descending order into {@code sorted}, and whether the row there is positive into
     * {@code positiveAt}; of tied rows the positive ones first. Each score plus 0.0, so that -0.0 is 0.0: one score, as
     * scikit-learn compares them, and {@code Arrays.sort} cannot put a 0.0 of the other class between them.
     */
    private static void descending(int[] y, double[] scores, double[] sorted, boolean[] positiveAt) {
        int positives = 0;
        for (int label : y) {
            positives += label == 1 ? 1 : 0;
        }
        double[] pos = new double[positives];
        double[] neg = new double[y.length - positives];
        for (int i = 0, p = 0, q = 0; i < y.length; i++) {
            if (y[i] == 1) {
                pos[p++] = scores[i] + 0.0;
            } else {
                neg[q++] = scores[i] + 0.0;
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        for (int k = 0, p = pos.length - 1, q = neg.length - 1; k < sorted.length; k++) {
            boolean positive = q < 0 || p >= 0 && pos[p] >= neg[q];
            positiveAt[k] = positive;
            sorted[k] = positive ? pos[p--] : neg[q--];
        }
    }

    /** numpy.percentile with linear interpolation, on sorted values (q in [0, 100]). */
    public static double percentile(double[] sorted, double q) {
        double pos = (sorted.length - 1) * q / 100.0;
        int below = (int) Math.floor(pos);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (pos - below);
    }
}
