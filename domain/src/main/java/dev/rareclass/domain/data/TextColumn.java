package dev.rareclass.domain.data;

/** A free-text column (one document per row); null marks a missing value. */
public final class TextColumn extends BaseColumn implements Column {
    private final String[] values;

    /** Takes ownership of {@code values}. */
    public TextColumn(String name, String[] values) {
        super(name, values.length);
        this.values = values;
    }

    public String get(int row) {
        return values[row];
    }

    @Override
    boolean isMissing(int row) {
        return values[row] == null;
    }

    @Override
    public TextColumn select(int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new TextColumn(name(), out);
    }

    @Override
    public String type() {
        return "text";
    }
}
