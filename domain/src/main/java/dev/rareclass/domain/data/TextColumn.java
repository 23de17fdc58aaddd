package dev.rareclass.domain.data;

/** A free-text column (one document per row); null marks a missing value. */
public final class TextColumn implements Column {
    private final String name;
    private final String[] values;

    /** Takes ownership of {@code values}. */
    public TextColumn(String name, String[] values) {
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

    public String get(int row) {
        return values[row];
    }

    @Override
    public int missing() {
        int n = 0;
        for (String v : values) {
            if (v == null) {
                n++;
            }
        }
        return n;
    }

    @Override
    public TextColumn select(int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new TextColumn(name, out);
    }

    @Override
    public String type() {
        return "text";
    }
}
