package dev.rareclass.domain.data;

/**
 * One train/test partition of row indices. Both index arrays are ascending and disjoint.
 */
public final class Fold {
    private final int[] train;
    private final int[] test;

    public Fold(int[] train, int[] test) {
        this.train = train.clone();
        this.test = test.clone();
    }

    public int[] train() {
        return train.clone();
    }

    public int[] test() {
        return test.clone();
    }
}
