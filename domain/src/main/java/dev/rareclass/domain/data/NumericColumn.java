package dev.rareclass.domain.data;

/** A numeric column; NaN marks a missing value. Immutable by contract: {@link #values()} is read-only. */
public final class NumericColumn implements Column {
    private final String name;
    private final float[] values;

    /** Takes ownership of {@code values}. */
    public NumericColumn(String name, float[] values) {
        this.name = name;
        this.values = values;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return values.length;
    }

    public float get(int row) {
        return values[row];
    }

    /** The backing array. Read only: do not modify. */
    public float[] values() {
        return values;
    }

    @Override
    public int missing() {
        int n = 0;
        for (float v : values) {
            if (Float.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public NumericColumn select(int[] rows) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new NumericColumn(name, out);
    }

    @Override
    public String type() {
        return "numeric";
    }
}
