package dev.rareclass.smile.sampling;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Exact k-nearest-neighbour search (Euclidean) over a subset of a row-major float matrix: a KD-tree
 * with bounding boxes and leaf buckets stored column by column, so a leaf scan is a vectorisable
 * loop. Queries are sorted by the leaf they fall in and answered in groups that share each leaf scan
 * (one pass over a leaf serves up to {@link #GROUP} queries), which keeps memory traffic low when the
 * tree cannot prune much (many dimensions).
 *
 * <p>Results are canonical: the k points with the smallest (squared distance, row index) pairs, so
 * they do not depend on the tree's shape, the query order or the number of threads. Query groups run
 * on the current fork-join pool (a parallel stream); each writes only its own queries' slots.
 */
final class Knn {

    /**
     * Points per leaf, and queries per group. Large leaves suit the 30-column tables of the sampler
     * benchmark, where boxes prune little and a long vectorised scan beats many box tests: at 200,000
     * rows, leaves of 2,048 (groups of 32) took 1.7-2.3 s for NearMiss-1 and Borderline-SMOTE against
     * 2.6-3.6 s with leaves of 256 (groups of 16), and leaves of 64 took longer still.
     */
    static final int LEAF = 2048;
    static final int GROUP = 32;

    private final int dims;
    private final int size;
    /** Row index (into the caller's matrix) of each tree position. */
    private final int[] perm;
    /**
     * Points in tree order, one array per column: a leaf scan indexes the column and the distance
     * buffer with the same index, which lets C2 vectorise it (it does not when offsets differ).
     */
    private final float[][] pts;
    /** Per-thread distance buffers of {@code size} floats. */
    private final ThreadLocal<float[]> buffers;
    // nodes: children (-1 for leaves), point range, bounding box
    private int[] left;
    private int[] right;
    private int[] lo;
    private int[] hi;
    private float[] boxMin;
    private float[] boxMax;
    private int[] splitDim;
    private float[] splitVal;
    private int nodes;

    /** Neighbours found: {@code index[q*k + j]} rows, {@code dist2[q*k + j]} squared distances, nearest first. */
    record Result(int k, int[] index, float[] dist2) {
        int neighbour(int q, int j) {
            return index[q * k + j];
        }

        double distance(int q, int j) {
            return Math.sqrt(dist2[q * k + j]);
        }
    }

    /**
     * @param data row-major values, {@code cols} per row
     * @param rows rows of {@code data} to index
     */
    Knn(float[] data, int cols, int[] rows) {
        this.dims = cols;
        this.size = rows.length;
        int[] work = rows.clone();
        int cap = Math.max(1, 2 * (size / (LEAF / 2) + 1));
        left = new int[cap];
        right = new int[cap];
        lo = new int[cap];
        hi = new int[cap];
        splitDim = new int[cap];
        splitVal = new float[cap];
        boxMin = new float[cap * dims];
        boxMax = new float[cap * dims];
        if (size > 0) {
            build(data, work, 0, size);
        }
        this.perm = work;
        this.pts = new float[dims][size];
        for (int j = 0; j < size; j++) {
            int src = perm[j] * cols;
            for (int d = 0; d < dims; d++) {
                pts[d][j] = data[src + d];
            }
        }
        this.buffers = ThreadLocal.withInitial(() -> new float[size]);
    }

    int size() {
        return size;
    }

    private int newNode(int a, int b) {
        int n = nodes++;
        if (n == left.length) {
            int cap = n * 2;
            left = Arrays.copyOf(left, cap);
            right = Arrays.copyOf(right, cap);
            lo = Arrays.copyOf(lo, cap);
            hi = Arrays.copyOf(hi, cap);
            splitDim = Arrays.copyOf(splitDim, cap);
            splitVal = Arrays.copyOf(splitVal, cap);
            boxMin = Arrays.copyOf(boxMin, cap * dims);
            boxMax = Arrays.copyOf(boxMax, cap * dims);
        }
        lo[n] = a;
        hi[n] = b;
        left[n] = -1;
        right[n] = -1;
        return n;
    }

    private int build(float[] data, int[] work, int a, int b) {
        int n = newNode(a, b);
        int off = n * dims;
        for (int d = 0; d < dims; d++) {
            boxMin[off + d] = Float.POSITIVE_INFINITY;
            boxMax[off + d] = Float.NEGATIVE_INFINITY;
        }
        for (int i = a; i < b; i++) {
            int r = work[i] * dims;
            for (int d = 0; d < dims; d++) {
                float v = data[r + d];
                if (v < boxMin[off + d]) {
                    boxMin[off + d] = v;
                }
                if (v > boxMax[off + d]) {
                    boxMax[off + d] = v;
                }
            }
        }
        if (b - a <= LEAF) {
            return n;
        }
        int best = 0;
        float spread = -1;
        for (int d = 0; d < dims; d++) {
            float s = boxMax[off + d] - boxMin[off + d];
            if (s > spread) {
                spread = s;
                best = d;
            }
        }
        if (spread <= 0) {
            return n; // all points equal: one (large) leaf
        }
        int mid = (a + b) >>> 1;
        select(data, work, a, b - 1, mid, best);
        splitDim[n] = best;
        splitVal[n] = data[work[mid] * dims + best];
        int l = build(data, work, a, mid);
        int r = build(data, work, mid, b);
        left[n] = l;
        right[n] = r;
        return n;
    }

    /** Quickselect: after it, work[k] holds the k-th smallest along dim d within [a, b]. */
    private void select(float[] data, int[] work, int a, int b, int k, int d) {
        while (b > a) {
            float pivot = data[work[(a + b) >>> 1] * dims + d];
            int i = a;
            int j = b;
            while (i <= j) {
                while (data[work[i] * dims + d] < pivot) {
                    i++;
                }
                while (data[work[j] * dims + d] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = work[i];
                    work[i] = work[j];
                    work[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                b = j;
            } else if (k >= i) {
                a = i;
            } else {
                return;
            }
        }
    }

    /**
     * The k nearest indexed rows of each query row.
     *
     * @param qdata   row-major query values ({@code cols} per row, same columns as the index)
     * @param queries rows of {@code qdata} to query
     * @param k       neighbours per query (at most the index size, less one when excluding self)
     * @param exclude when true, a query row never finds itself (the same row index; requires
     *                {@code qdata} to be the indexed matrix)
     */
    Result query(float[] qdata, int[] queries, int k, boolean exclude) {
        int nq = queries.length;
        int[] outIdx = new int[nq * k];
        float[] outD = new float[nq * k];
        if (nq == 0 || k == 0) {
            return new Result(k, outIdx, outD);
        }
        // order the queries by the leaf they fall in, so a group's queries are close together
        long[] keyed = new long[nq];
        for (int q = 0; q < nq; q++) {
            keyed[q] = ((long) leafOf(qdata, queries[q] * dims) << 32) | q;
        }
        Arrays.sort(keyed);
        int groups = (nq + GROUP - 1) / GROUP;
        IntStream.range(0, groups).parallel().forEach(g -> {
            int from = g * GROUP;
            int to = Math.min(nq, from + GROUP);
            int[] qs = new int[to - from];
            for (int i = from; i < to; i++) {
                qs[i - from] = (int) keyed[i];
            }
            new Search(qdata, queries, qs, k, exclude).run(outIdx, outD);
        });
        return new Result(k, outIdx, outD);
    }

    private int leafOf(float[] qdata, int off) {
        int n = 0;
        while (left[n] >= 0) {
            n = qdata[off + splitDim[n]] < splitVal[n] ? left[n] : right[n];
        }
        return n;
    }

    /** One group of queries walking the tree together. */
    private final class Search {
        private final int g;
        private final int k;
        private final boolean exclude;
        private final float[] q;       // g × dims, query values
        private final int[] self;      // row index of each query (for exclusion)
        private final int[] slot;      // output slot of each query
        private final float[] bestD;   // g × k, ascending
        private final int[] bestI;
        private final float[] d2 = buffers.get();
        private final float[] lb;      // scratch: lower bound per query

        Search(float[] qdata, int[] queries, int[] qs, int k, boolean exclude) {
            this.g = qs.length;
            this.k = k;
            this.exclude = exclude;
            this.q = new float[g * dims];
            this.self = new int[g];
            this.slot = qs;
            for (int i = 0; i < g; i++) {
                self[i] = queries[qs[i]];
                System.arraycopy(qdata, self[i] * dims, q, i * dims, dims);
            }
            bestD = new float[g * k];
            bestI = new int[g * k];
            Arrays.fill(bestD, Float.POSITIVE_INFINITY);
            Arrays.fill(bestI, Integer.MAX_VALUE);
            lb = new float[g];
        }

        void run(int[] outIdx, float[] outD) {
            visit(0);
            for (int i = 0; i < g; i++) {
                System.arraycopy(bestI, i * k, outIdx, slot[i] * k, k);
                System.arraycopy(bestD, i * k, outD, slot[i] * k, k);
            }
        }

        /** Squared distance from query i to node n's box. */
        private float boxDist(int n, int i) {
            int off = n * dims;
            int qo = i * dims;
            float s = 0;
            for (int d = 0; d < dims; d++) {
                float v = q[qo + d];
                float lo = boxMin[off + d];
                float hi = boxMax[off + d];
                float t = v < lo ? lo - v : v > hi ? v - hi : 0;
                s += t * t;
            }
            return s;
        }

        private boolean anyNeeds(int n, float[] bounds) {
            boolean any = false;
            for (int i = 0; i < g; i++) {
                float b = boxDist(n, i);
                bounds[i] = b;
                if (b <= bestD[i * k + k - 1]) {
                    any = true;
                }
            }
            return any;
        }

        private void visit(int n) {
            if (!anyNeeds(n, lb)) {
                return;
            }
            if (left[n] < 0) {
                scanLeaf(n);
                return;
            }
            // visit first the child on the side of the group's first query
            int first = q[splitDim[n]] < splitVal[n] ? left[n] : right[n];
            int second = first == left[n] ? right[n] : left[n];
            visit(first);
            visit(second);
        }

        private void scanLeaf(int n) {
            int a = lo[n];
            int b = hi[n];
            float[] d2 = this.d2;
            for (int i = 0; i < g; i++) {
                // lb[] holds this leaf's bounds from anyNeeds(n, lb)
                if (lb[i] > bestD[i * k + k - 1]) {
                    continue;
                }
                distances(q, i * dims, a, b, d2);
                int bo = i * k;
                for (int j = a; j < b; j++) {
                    float dist = d2[j];
                    if (dist <= bestD[bo + k - 1]) {
                        int idx = perm[j];
                        if (exclude && idx == self[i]) {
                            continue;
                        }
                        insert(bo, dist, idx);
                    }
                }
            }
        }

        /**
         * d2[j] = sum over d, in order, of (pts[d][j] - q[d])² for j in [a, b). Four columns per pass
         * (fewer loads and stores of d2); the sum is still accumulated one dimension at a time, left
         * to right, so every point's distance is the same whichever leaf or pass computes it.
         */
        private void distances(float[] q, int qo, int a, int b, float[] d2) {
            int d = 0;
            if (dims >= 4) {
                float q0 = q[qo];
                float q1 = q[qo + 1];
                float q2 = q[qo + 2];
                float q3 = q[qo + 3];
                float[] c0 = pts[0];
                float[] c1 = pts[1];
                float[] c2 = pts[2];
                float[] c3 = pts[3];
                for (int j = a; j < b; j++) {
                    float t0 = c0[j] - q0;
                    float t1 = c1[j] - q1;
                    float t2 = c2[j] - q2;
                    float t3 = c3[j] - q3;
                    d2[j] = t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3;
                }
                d = 4;
            } else {
                Arrays.fill(d2, a, b, 0f);
            }
            for (; d + 4 <= dims; d += 4) {
                float q0 = q[qo + d];
                float q1 = q[qo + d + 1];
                float q2 = q[qo + d + 2];
                float q3 = q[qo + d + 3];
                float[] c0 = pts[d];
                float[] c1 = pts[d + 1];
                float[] c2 = pts[d + 2];
                float[] c3 = pts[d + 3];
                for (int j = a; j < b; j++) {
                    float t0 = c0[j] - q0;
                    float t1 = c1[j] - q1;
                    float t2 = c2[j] - q2;
                    float t3 = c3[j] - q3;
                    d2[j] = d2[j] + t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3;
                }
            }
            for (; d < dims; d++) {
                float qd = q[qo + d];
                float[] col = pts[d];
                for (int j = a; j < b; j++) {
                    float t = col[j] - qd;
                    d2[j] = d2[j] + t * t;
                }
            }
        }

        private void insert(int bo, float dist, int idx) {
            int last = bo + k - 1;
            if (dist == bestD[last] && idx >= bestI[last]) {
                return;
            }
            int p = last;
            while (p > bo && (bestD[p - 1] > dist || (bestD[p - 1] == dist && bestI[p - 1] > idx))) {
                bestD[p] = bestD[p - 1];
                bestI[p] = bestI[p - 1];
                p--;
            }
            bestD[p] = dist;
            bestI[p] = idx;
        }
    }
}
