package dev.rareclass.domain.data;

/** A numeric column; NaN marks a missing value. Immutable by contract: {@link #values()} is read-only. */
public final class NumericColumn extends BaseColumn implements Column {
    private final float[] values;

    /** Takes ownership of {@code values}. */
    public NumericColumn(String name, float[] values) {
        super(name, values.length);
        this.values = values;
    }

    public float get(int row) {
        return values[row];
    }

    /** The backing array. Read only: do not modify. */
    public float[] values() {
        return values;
    }

    @Override
    boolean isMissing(int row) {
        return Float.isNaN(values[row]);
    }

    @Override
    public NumericColumn select(int[] rows) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new NumericColumn(name(), out);
    }

    @Override
    public String type() {
        return "numeric";
    }
}
