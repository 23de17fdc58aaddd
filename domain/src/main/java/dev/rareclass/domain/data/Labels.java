package dev.rareclass.domain.data;

import java.util.Arrays;

/**
 * Binary labels: 1 for the positive (rare, interesting) class, 0 for everything else.
 * Immutable; {@link #toArray()} copies.
 */
public final class Labels {

    private final int[] values;
    private final int positives;

    private Labels(int[] values) {
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            int v = values[i];
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("label at index " + i + " is " + v + ", expected 0 or 1");
            }
            count += v;
        }
        this.values = values;
        this.positives = count;
    }

    /** Copies the given 0/1 values. */
    public static Labels of(int... values) {
        return new Labels(values.clone());
    }

    /** Takes ownership of the array (no copy). */
    public static Labels wrap(int[] values) {
        return new Labels(values);
    }

    public int size() {
        return values.length;
    }

    public int get(int i) {
        return values[i];
    }

    public int positives() {
        return positives;
    }

    public int negatives() {
        return values.length - positives;
    }

    public double positiveRate() {
        return values.length == 0 ? 0 : (double) positives / values.length;
    }

    /** True when both classes are present. */
    public boolean hasBothClasses() {
        return positives > 0 && positives < values.length;
    }

    public int[] toArray() {
        return values.clone();
    }

    /** Indices of rows whose label equals {@code label}, ascending. */
    public int[] indicesOf(int label) {
        int[] out = new int[label == 1 ? positives : negatives()];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == label) {
                out[k++] = i;
            }
        }
        return out;
    }

    public Labels select(int[] rowIndices) {
        int[] out = new int[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
            out[i] = values[rowIndices[i]];
        }
        return new Labels(out);
    }

    public Labels append(Labels other) {
        int[] out = Arrays.copyOf(values, values.length + other.values.length);
        System.arraycopy(other.values, 0, out, values.length, other.values.length);
        return new Labels(out);
    }

    @Override
    public String toString() {
        return "Labels[" + values.length + " rows, " + positives + " positive]";
    }
}
