package dev.rareclass.domain.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stratified splits: each class is shuffled with the seed and dealt out separately, so every part
 * keeps the table's positive rate (within one row) — essential when positives are 1% of rows.
 * Like scikit-learn's {@code StratifiedKFold(shuffle=True)} in spirit; the exact assignment differs.
 */
public final class Splits {

    private Splits() {
    }

    /** {@code k} folds; fold {@code i} tests on the rows dealt to it and trains on all others. */
    public static List<Fold> stratifiedKFold(Labels y, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("k-fold needs k >= 2, got " + k);
        }
        if (y.positives() < k || y.negatives() < k) {
            throw new dev.rareclass.domain.error.DataException(
                    k + "-fold cross-validation needs at least " + k + " rows of each class; the table has "
                            + y.positives() + " positive and " + y.negatives() + " negative");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] foldOf = new int[y.size()];
        int offset = 0;
        for (int cls = 1; cls >= 0; cls--) {
            int[] idx = y.indicesOf(cls);
            shuffle(idx, rng);
            for (int i = 0; i < idx.length; i++) {
                // continue dealing where the previous class stopped, so fold sizes stay even
                foldOf[idx[i]] = (offset + i) % k;
            }
            offset = (offset + idx.length) % k;
        }
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            folds.add(partition(foldOf, f));
        }
        return folds;
    }

    /** One stratified hold-out split with about {@code testFraction} of each class in the test part. */
    public static Fold stratifiedHoldout(Labels y, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] inTest = new int[y.size()];
        for (int cls = 1; cls >= 0; cls--) {
            int[] idx = y.indicesOf(cls);
            shuffle(idx, rng);
            int nTest = (int) Math.round(idx.length * testFraction);
            // keep at least one row of a present class on each side when the class allows it
            if (idx.length >= 2) {
                nTest = Math.max(1, Math.min(idx.length - 1, nTest));
            }
            for (int i = 0; i < nTest; i++) {
                inTest[idx[i]] = 1;
            }
        }
        return partition(inTest, 1);
    }

    private static Fold partition(int[] assignment, int testValue) {
        int nTest = 0;
        for (int a : assignment) {
            if (a == testValue) {
                nTest++;
            }
        }
        int[] test = new int[nTest];
        int[] train = new int[assignment.length - nTest];
        int t = 0;
        int r = 0;
        for (int i = 0; i < assignment.length; i++) {
            if (assignment[i] == testValue) {
                test[t++] = i;
            } else {
                train[r++] = i;
            }
        }
        return new Fold(train, test);
    }

    static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    /** Concatenation helper for tests and use cases: ascending union of disjoint index sets. */
    public static int[] union(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        Arrays.sort(out);
        return out;
    }
}
