package dev.rareclass.domain.preprocess;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.sampling.CategoricalBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a table's raw columns into the float features a trainer sees: one {@link ColumnTransform} per
 * input column, in input order (impute, scale, one-hot). Fitted on training rows only
 * ({@link #fit}) and stored with the model, so new data is transformed exactly as the training data was.
 */
public final class FittedPreprocessor {

    private final List<ColumnTransform> transforms;
    private final int width;

    public FittedPreprocessor(List<ColumnTransform> transforms) {
        this.transforms = List.copyOf(transforms);
        this.width = this.transforms.stream().mapToInt(ColumnTransform::width).sum();
    }

    /** Fits one transform per column of {@code train}, using its rows only. */
    public static FittedPreprocessor fit(Table train, PreprocessingSpec spec) {
        if (train.rows() == 0) {
            throw new DataException(train.source() + ": no rows to fit preprocessing on");
        }
        List<ColumnTransform> out = new ArrayList<>();
        for (Column c : train.columns()) {
            out.add(switch (c) {
                case NumericColumn n -> fitNumeric(n, spec);
                case CategoricalColumn k -> fitCategorical(k, spec);
                case TextColumn t -> throw new UsageException("column '" + t.name()
                        + "' is text; text features are not supported by this version (--drop it)");
            });
        }
        return new FittedPreprocessor(out);
    }

    private static NumericTransform fitNumeric(NumericColumn c, PreprocessingSpec spec) {
        float[] v = c.values();
        int present = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            if (!Float.isNaN(x)) {
                present++;
                sum += x;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        double impute = Double.NaN;
        if (present < v.length && spec.missing().imputes()) {
            if (present == 0) {
                throw new DataException("column '" + c.name() + "' has no values in the training rows to impute from");
            }
            impute = switch (spec.missing()) {
                case MEAN -> sum / present;
                case MEDIAN -> median(v, present);
                case MOST_FREQUENT -> mode(v);
                default -> Double.NaN;
            };
        }
        if (present == 0) {
            // every value missing and not imputed: the transform refuses them when it meets them
            return new NumericTransform(c.name(), impute, 0, 1);
        }
        double mean = sum / present;
        return switch (spec.scaling()) {
            case NONE -> new NumericTransform(c.name(), impute, 0, 1);
            case STANDARD -> {
                // two-pass variance: numerically safer than a sum of squares on large, offset columns
                double sq = 0;
                for (float x : v) {
                    if (!Float.isNaN(x)) {
                        sq += (x - mean) * (x - mean);
                    }
                }
                double sd = Math.sqrt(sq / present);
                // a constant column gets scale 1 (as scikit-learn), mapping it to 0 instead of dividing by 0
                yield new NumericTransform(c.name(), impute, mean, sd > 1e-12 * Math.max(1.0, Math.abs(mean)) ? sd : 1.0);
            }
            case MIN_MAX -> new NumericTransform(c.name(), impute, min, max > min ? max - min : 1.0);
        };
    }

    private static double median(float[] v, int present) {
        float[] copy = new float[present];
        int k = 0;
        for (float x : v) {
            if (!Float.isNaN(x)) {
                copy[k++] = x;
            }
        }
        Arrays.sort(copy);
        return present % 2 == 1 ? copy[present / 2] : ((double) copy[present / 2 - 1] + copy[present / 2]) / 2;
    }

    private static double mode(float[] v) {
        TreeMap<Float, Integer> counts = new TreeMap<>();
        for (float x : v) {
            if (!Float.isNaN(x)) {
                counts.merge(x, 1, Integer::sum);
            }
        }
        // ties go to the smallest value, as scikit-learn's SimpleImputer(strategy="most_frequent")
        float best = counts.firstKey();
        int bestCount = 0;
        for (Map.Entry<Float, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private static OneHotTransform fitCategorical(CategoricalColumn c, PreprocessingSpec spec) {
        int[] counts = new int[c.levels().size()];
        boolean missing = false;
        for (int r = 0; r < c.size(); r++) {
            int code = c.code(r);
            if (code < 0) {
                missing = true;
            } else {
                counts[code]++;
            }
        }
        TreeMap<String, Integer> seen = new TreeMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                seen.put(c.levels().get(i), counts[i]);
            }
        }
        if (seen.isEmpty()) {
            throw new DataException("column '" + c.name() + "' has no values in the training rows");
        }
        String impute = null;
        if (missing && spec.missing().imputes()) {
            int bestCount = 0;
            for (Map.Entry<String, Integer> e : seen.entrySet()) {
                if (e.getValue() > bestCount) {
                    impute = e.getKey();
                    bestCount = e.getValue();
                }
            }
        }
        return new OneHotTransform(c.name(), new ArrayList<>(seen.keySet()), impute, spec.unknown());
    }

    public List<ColumnTransform> transforms() {
        return transforms;
    }

    /** Number of output features. */
    public int width() {
        return width;
    }

    /** Input column names, in order. */
    public List<String> inputNames() {
        return transforms.stream().map(ColumnTransform::input).toList();
    }

    /** Output feature names, in order. */
    public List<String> outputNames() {
        List<String> out = new ArrayList<>(width);
        transforms.forEach(t -> out.addAll(t.outputNames()));
        return out;
    }

    /** The one-hot blocks among the output features (for SMOTE-NC-style samplers). */
    public List<CategoricalBlock> categoricalBlocks() {
        List<CategoricalBlock> blocks = new ArrayList<>();
        int offset = 0;
        for (ColumnTransform t : transforms) {
            if (t instanceof OneHotTransform) {
                blocks.add(new CategoricalBlock(t.input(), offset, t.width()));
            }
            offset += t.width();
        }
        return blocks;
    }

    /**
     * Transforms a table whose columns are exactly the fitted ones (same names, order and types);
     * otherwise a data error names the first difference.
     */
    public FeatureMatrix transform(Table table) {
        requireSameSchema(table);
        int n = table.rows();
        float[] out = new float[n * width];
        int[] rowNumbers = table.rowNumbers();
        int offset = 0;
        for (int i = 0; i < transforms.size(); i++) {
            ColumnTransform t = transforms.get(i);
            t.write(table.columns().get(i), out, width, offset, table.source(), rowNumbers);
            offset += t.width();
        }
        return FeatureMatrix.wrap(n, width, out);
    }

    private void requireSameSchema(Table table) {
        List<String> expected = inputNames();
        List<String> got = table.featureNames();
        if (!got.equals(expected)) {
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(got);
            List<String> extra = new ArrayList<>(got);
            extra.removeAll(expected);
            String detail;
            if (!missing.isEmpty()) {
                detail = "missing column(s) " + String.join(", ", head(missing));
            } else if (!extra.isEmpty()) {
                detail = "unexpected column(s) " + String.join(", ", head(extra)) + " (use --drop)";
            } else {
                detail = "the columns are in a different order than at training";
            }
            throw new DataException(table.source() + ": columns do not match the model's input schema: " + detail);
        }
        for (int i = 0; i < transforms.size(); i++) {
            ColumnTransform t = transforms.get(i);
            Column c = table.columns().get(i);
            if (!t.inputType().equals(c.type())) {
                throw new DataException(table.source() + ": column '" + c.name() + "' is " + c.type()
                        + " here but was " + t.inputType() + " at training (use --categorical to match)");
            }
        }
    }

    private static List<String> head(List<String> names) {
        return names.size() <= 5 ? names : names.subList(0, 5);
    }
}
