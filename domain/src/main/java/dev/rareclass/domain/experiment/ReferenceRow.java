package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A typical training row: for each input column its training median (numeric; NaN when the column had no values),
 * its most frequent level (categorical; the earliest of equally frequent ones) or no text at all (text, as null).
 * Reason codes replace one column at a time by this value and report how the score moved. A model file keeps it.
 *
 * @param values one per input column, in input order: a {@link Double} for numeric columns, a {@link String} or
 *               null for the others
 */
public record ReferenceRow(List<Object> values) {

    public ReferenceRow {
        values = Collections.unmodifiableList(new ArrayList<>(values));
        for (Object v : values) {
            if (v != null && !(v instanceof Double) && !(v instanceof String)) {
                throw new IllegalArgumentException("a reference value is a number or a string, not " + v.getClass());
            }
        }
    }

    /** The reference row of the given training rows (before any sampler, so it describes the real data). */
    public static ReferenceRow fit(Table train) {
        List<Object> out = new ArrayList<>(train.columns().size());
        for (Column c : train.columns()) {
            out.add(switch (c) {
                case NumericColumn n -> median(n.values());
                case CategoricalColumn k -> mostFrequent(k);
                case TextColumn t -> null;
            });
        }
        return new ReferenceRow(out);
    }

    public Object value(int column) {
        return values.get(column);
    }

    /** A column of {@code rows} copies of the reference value of {@code like}'s column (at index {@code column}). */
    public Column column(Column like, int column, int rows) {
        Object v = values.get(column);
        return switch (like) {
            case NumericColumn n -> {
                float[] out = new float[rows];
                java.util.Arrays.fill(out, ((Double) Objects.requireNonNull(v, "numeric reference")).floatValue());
                yield new NumericColumn(n.name(), out);
            }
            case CategoricalColumn k -> {
                int code = v == null ? -1 : k.levels().indexOf((String) v);
                List<String> levels = k.levels();
                if (v != null && code < 0) {
                    levels = new ArrayList<>(levels);
                    levels.add((String) v);
                    code = levels.size() - 1;
                }
                int[] codes = new int[rows];
                java.util.Arrays.fill(codes, code);
                yield new CategoricalColumn(k.name(), levels, codes);
            }
            case TextColumn t -> new TextColumn(t.name(), new String[rows]);
        };
    }

    /** numpy's median of the values that are not missing: the middle one, or the mean of the two middle ones. */
    static double median(float[] values) {
        float[] present = new float[values.length];
        int n = 0;
        for (float v : values) {
            if (!Float.isNaN(v)) {
                present[n++] = v;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        int upper = n / 2;
        double hi = select(present, 0, n - 1, upper);
        if (n % 2 == 1) {
            return hi;
        }
        // after selecting, everything left of upper is <= present[upper]: the lower middle is their maximum
        float lo = present[0];
        for (int i = 1; i < upper; i++) {
            lo = Math.max(lo, present[i]);
        }
        return (lo + hi) / 2.0;
    }

    /** Hoare's selection: puts the k-th smallest of a[from..to] at a[k] and returns it, in expected linear time. */
    private static float select(float[] a, int from, int to, int k) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(a.length);
        while (from < to) {
            float pivot = a[from + random.nextInt(to - from + 1)];
            int i = from;
            int j = to;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                to = j;
            } else if (k >= i) {
                from = i;
            } else {
                break;
            }
        }
        return a[k];
    }

    private static String mostFrequent(CategoricalColumn c) {
        int[] counts = new int[c.levels().size()];
        for (int r = 0; r < c.size(); r++) {
            int code = c.code(r);
            if (code >= 0) {
                counts[code]++;
            }
        }
        int best = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
                best = i;
            }
        }
        return best < 0 ? null : c.levels().get(best);
    }
}
