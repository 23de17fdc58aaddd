package dev.rareclass.adapters.format;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.data.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates one column's text values while a file streams by (for {@link TextRows}). A column's type is
 * decided by its first present value: a number makes it numeric, anything else categorical (unless it was
 * declared). A later non-number in a numeric column is a data error, not a silent switch: one stray word
 * must not turn a measurement into a thousand categories. Remembers where its first missing value was, and
 * how it was written, so the data-options step can name it.
 */
abstract sealed class ColumnBuilder {

    final String name;
    /** Rows added so far. */
    int n;
    /** The row of the first missing value, or -1. */
    int firstMissing = -1;
    /** The token that marked it missing (empty for an empty field). */
    String missingToken;
    /** The line of that row. */
    long missingLine;

    ColumnBuilder(String name) {
        this.name = name;
    }

    /** Adds a present (non-missing) trimmed token; may return a replacement builder of another type. */
    abstract ColumnBuilder add(String token, long line);

    /** Adds a missing value written as {@code token} on {@code line}. */
    final void addMissing(String token, long line) {
        if (firstMissing < 0) {
            firstMissing = n;
            missingToken = token;
            missingLine = line;
        }
        pushMissing();
    }

    abstract void pushMissing();

    abstract Column build();

    /**
     * Numbers as float32: an array that doubles up to {@value #BLOCK} values (2 MB), then blocks of that size, so
     * a long column is never copied while it grows nor held twice over, and is built with one copy into an array
     * of its exact length, its blocks freed as it is built. A 2 MB block is a "humongous" object for G1 with
     * regions of up to 4 MB (its choice for the default heap on machines of up to 32 GB): allocated outside the
     * young generation, it is not copied by every collection during a long read (larger regions copy it once
     * or twice, as any young object).
     */
    static final class Numeric extends ColumnBuilder {
        private static final int BLOCK = 1 << 19;
        private float[] values = new float[1024];
        /** Full blocks, before {@code values}; null until the first fills. */
        private float[][] blocks;
        private int fullBlocks;
        /** Values in {@code values} (n counts the blocks' too). */
        private int filled;
        private boolean anyPresent;
        /**
         * The first whole number past float32's exact range ({@value #EXACT}) whose digits it loses (it keeps 7
         * significant ones), or NaN: timestamps in seconds or IDs one apart then read as one value, which the read says.
         * {@code 1e30} keeps its digits (the float reads back as {@code 1.0E30}); {@code 1577836801} does not.
         */
        double firstRounded = Double.NaN;
        /**
         * The smallest and largest present values as written (doubles): when float32 holds them as one value the column
         * reads as constant though its values differ (1.000000001, 1.000000002, ...), which describe then advised
         * dropping; the read says so ({@link #heldAsOne}).
         */
        private double least = Double.POSITIVE_INFINITY;
        private double most = Double.NEGATIVE_INFINITY;

        Numeric(String name) {
            super(name);
        }

        /** 2^24: every whole number up to it is a float32 exactly. */
        static final double EXACT = 16_777_216;

        @Override
        ColumnBuilder add(String token, long line) {
            double v = Tokens.parseNumber(token);
            float f = (float) v;
            if (v == v && f - f == 0) { // a number, finite as a float32: the common case, kept small to inline
                anyPresent = true;
                if (Math.abs(v) > EXACT) {
                    precision(v, f);
                }
                least = Math.min(least, v);
                most = Math.max(most, v);
                push(f);
                return this;
            }
            return unusual(token, line, v);
        }

        private void precision(double v, float f) {
            if (f != v && firstRounded != firstRounded && v == Math.rint(v)
                    && Double.parseDouble(Float.toString(f)) != v) {
                firstRounded = v;
            }
        }

        /**
         * Adds a value already parsed as a plain decimal ({@link Tokens#plainDecimal(char[], int, int)}) when it is
         * finite as a float32, as {@link #add} would; false (nothing added) otherwise, for {@link #add} to decide.
         */
        boolean addPlain(double v) {
            float f = (float) v;
            if (f - f == 0) {
                anyPresent = true;
                if (Math.abs(v) > EXACT) {
                    precision(v, f);
                }
                least = Math.min(least, v);
                most = Math.max(most, v);
                push(f);
                return true;
            }
            return false;
        }

        /** Whether the present values differ as written but float32 holds them all as one value. */
        boolean heldAsOne() {
            return least < most && (float) least == (float) most;
        }

        /** The smallest and largest present values as written. */
        double least() {
            return least;
        }

        double most() {
            return most;
        }

        private ColumnBuilder unusual(String token, long line, double v) {
            if (Double.isNaN(v)) {
                if (anyPresent) {
                    throw new NotANumber(token);
                }
                // the first present value is not a number: this is a categorical column
                Categorical c = new Categorical(name, true);
                for (int i = 0; i < n; i++) {
                    c.addMissing(missingToken, missingLine);
                }
                c.add(token, line);
                // shown in a note: a 10 MB first value is cut as in every other message
                c.inferredFrom = "'" + dev.rareclass.domain.error.Quoting.clipped(token, 40) + "' on line " + line;
                return c;
            }
            throw new NotFinite(token);
        }

        @Override
        void pushMissing() {
            push(Float.NaN);
        }

        private void push(float v) {
            if (filled == values.length) {
                grow();
            }
            values[filled++] = v;
            n++;
        }

        private void grow() {
            if (filled < BLOCK) {
                values = Arrays.copyOf(values, filled * 2);
                return;
            }
            if (blocks == null) {
                blocks = new float[16][];
            } else if (fullBlocks == blocks.length) {
                blocks = Arrays.copyOf(blocks, fullBlocks * 2);
            }
            blocks[fullBlocks++] = values;
            values = new float[BLOCK];
            filled = 0;
        }

        /** The column; called once, as it hands its values over. */
        @Override
        Column build() {
            float[] all = new float[n];
            int at = 0;
            for (int b = 0; b < fullBlocks; b++) {
                System.arraycopy(blocks[b], 0, all, at, BLOCK);
                blocks[b] = null;
                at += BLOCK;
            }
            System.arraycopy(values, 0, all, at, filled);
            values = null;
            return new NumericColumn(name, all);
        }
    }

    /** Values kept as written (trimmed); missing ones as null. */
    static sealed class Text extends ColumnBuilder permits Categorical {
        final List<String> values = new ArrayList<>(1024);

        Text(String name) {
            super(name);
        }

        @Override
        ColumnBuilder add(String token, long line) {
            values.add(token);
            n++;
            return this;
        }

        @Override
        void pushMissing() {
            values.add(null);
            n++;
        }

        @Override
        Column build() {
            return new TextColumn(name, values.toArray(String[]::new));
        }
    }

    /**
     * Categories, in order of first appearance. Each row holds its level's one String (so a row costs a
     * reference, as a code would); the codes are made once, when the column is built.
     */
    static final class Categorical extends Text {
        private final boolean canonical;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> levels = new ArrayList<>();
        /** Set when the type was inferred from a value; the reader turns it into a note. */
        String inferredFrom;

        /** How many levels there are. */
        int levelCount() {
            return levels.size();
        }

        /** The levels, in order of first appearance (a view). */
        List<String> levels() {
            return java.util.Collections.unmodifiableList(levels);
        }

        /** @param canonical true to name numbers one way ("1.0" and "1" are one level), false to keep tokens as written */
        Categorical(String name, boolean canonical) {
            super(name);
            this.canonical = canonical;
        }

        @Override
        ColumnBuilder add(String token, long line) {
            String key = canonical ? Tokens.category(token) : token;
            Integer code = index.get(key);
            if (code == null) {
                if (key.indexOf('\uFFFD') >= 0) { // a new value only: the check costs nothing per row
                    throw new NotUtf8(token);
                }
                index.put(key, levels.size());
                levels.add(key);
            } else {
                key = levels.get(code);
            }
            values.add(key);
            n++;
            return this;
        }

        @Override
        Column build() {
            int[] codes = new int[n];
            for (int r = 0; r < n; r++) {
                String value = values.get(r);
                codes[r] = value == null ? -1 : index.get(value);
            }
            return new CategoricalColumn(name, levels, codes);
        }
    }

    /** Thrown by a numeric-only column for a token that is no number; the reader adds file and line. */
    static final class NotANumber extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotANumber(String token) {
            super(token, null, false, false);
        }
    }

    /**
     * Thrown for a category or label holding bytes that are no UTF-8 (decoded as U+FFFD): a Latin-1 label read as
     * something else than the positive value would count the row as negative without a word. The reader adds file
     * and line.
     */
    static final class NotUtf8 extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotUtf8(String token) {
            super(token, null, false, false);
        }
    }

    /** Thrown for infinities and numbers beyond float32; the reader adds file and line. */
    static final class NotFinite extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFinite(String token) {
            super(token, null, false, false);
        }
    }
}
