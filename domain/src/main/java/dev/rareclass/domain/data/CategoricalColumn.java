package dev.rareclass.domain.data;

import java.util.List;

/**
 * A categorical column: each row holds a code into {@link #levels()}, or -1 when missing. The levels are
 * the values seen in the file, in order of first appearance.
 */
public final class CategoricalColumn extends BaseColumn implements Column {
    private final List<String> levels;
    private final int[] codes;

    /** Takes ownership of {@code codes}. */
    public CategoricalColumn(String name, List<String> levels, int[] codes) {
        super(name, codes.length);
        this.levels = List.copyOf(levels);
        this.codes = codes;
        for (int c : codes) {
            if (c < -1 || c >= this.levels.size()) {
                throw new IllegalArgumentException("code " + c + " outside " + this.levels.size() + " levels of " + name);
            }
        }
    }

    public List<String> levels() {
        return levels;
    }

    /** The code of a row, -1 when missing. */
    public int code(int row) {
        return codes[row];
    }

    /** The value of a row, or null when missing. */
    public String value(int row) {
        int c = codes[row];
        return c < 0 ? null : levels.get(c);
    }

    @Override
    boolean isMissing(int row) {
        return codes[row] < 0;
    }

    @Override
    public CategoricalColumn select(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = codes[rows[i]];
        }
        return new CategoricalColumn(name(), levels, out);
    }

    @Override
    public String type() {
        return "categorical";
    }
}
