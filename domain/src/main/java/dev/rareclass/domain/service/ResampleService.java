package dev.rareclass.domain.service;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.PositiveValues;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TableWithColumn;
import dev.rareclass.domain.usecase.ResampleUseCase;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.port.Outputs;
import dev.rareclass.domain.port.ResultSink;
import dev.rareclass.domain.port.TableSource;
import dev.rareclass.domain.preprocess.ColumnTransform;
import dev.rareclass.domain.preprocess.FittedPreprocessor;
import dev.rareclass.domain.preprocess.NumericTransform;
import dev.rareclass.domain.preprocess.OneHotTransform;
import dev.rareclass.domain.preprocess.PreprocessingSpec;
import dev.rareclass.domain.preprocess.Scaling;
import dev.rareclass.domain.preprocess.UnknownCategories;
import dev.rareclass.domain.sampling.Resampled;
import dev.rareclass.domain.sampling.SamplerCatalog;
import dev.rareclass.domain.sampling.SamplingInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a sampler to a whole table and writes it back in the input's units. The sampler sees the values
 * unscaled (as imbalanced-learn does when given raw features), with categorical columns one-hot encoded
 * so that synthetic rows get real categories (SMOTE-NC behaviour), decoded back on output.
 *
 * <p>Labels are written back as the input wrote them: an original row (kept or repeated) keeps its own value (a
 * negative abalone row its 7, 9 or 15, not "not 19"). A synthetic row gets the most frequent value of its class
 * in the input: the positive value (the most frequent one when several are positive), or, when the negatives
 * are the smaller class and so the one the SMOTE family invents rows for, the most frequent negative value.
 */
public record ResampleService(TableSource tables, SamplerCatalog samplers, ResultSink sink, Outputs outputs)
        implements ResampleUseCase {

    @Override
    public Result resample(Request request, ProgressListener progress) {
        sink.outputFormat(request.out()); // a name read as a format nothing writes is refused before any work
        outputs.checkFile(request.out(), List.of(request.data().file()));
        DataOptions data = request.data();
        long seed = request.seed();
        var sampler = samplers.find(request.sampler().name()).create(request.sampler().params());
        // the label column as written, to write each row's own value back (a format's implicit label column,
        // such as LibSVM's, is not named: its rows are written with the mapping's positive and negative names)
        TableWithColumn read = data.label().isPresent()
                ? tables.readWithColumn(data, true, data.label().get(), "label") : null;
        Table table = read != null ? read.table() : tables.read(data);
        table.notes().forEach(progress::note);
        for (var column : table.columns()) {
            if (column instanceof dev.rareclass.domain.data.TextColumn) {
                throw new dev.rareclass.domain.error.UsageException("resample writes tables of numbers and categories; "
                        + "column '" + column.name() + "' is text (--drop it)");
            }
        }
        sink.checkTable(table, request.out()); // LibSVM: numbers only, refused before the sampler runs
        FittedPreprocessor encoding = FittedPreprocessor.fit(table,
                new PreprocessingSpec(Scaling.NONE, data.missing(), UnknownCategories.IGNORE)
                        .withMaxCategories(request.maxCategories()));
        FeatureMatrix x = encoding.transform(table);
        long t0 = System.nanoTime();
        Resampled r = sampler.resample(new SamplingInput(x, table.requireLabels(), encoding.categoricalBlocks()), seed);
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.notes().forEach(progress::note);
        Table result = decode(table, encoding, r);
        sink.writeTable(result, labels(table, read == null ? null : read.values(), r), request.out());
        return new Result(table.rows(), result.rows(), r.syntheticRows(), r.y().positives(), seconds);
    }

    /**
     * Each output row's label as written: an original row's own value, a synthetic row the most frequent value of
     * its class in the input (the first met among equally frequent ones). A value that is not of its row's class
     * (a row {@code --shift-labels} made positive) is written as the class's typical value instead, and counts for
     * none; a class without a value of its own is written with the mapping's name for it.
     *
     * @param written the input rows' labels as written, or null to write the mapping's positive and negative names
     */
    static List<String> labels(Table source, List<String> written, Resampled r) {
        LabelMapping mapping = source.labelMapping().orElseThrow();
        PositiveValues positive = PositiveValues.parse(mapping.positiveValue());
        Labels y = source.requireLabels();
        String[] typical = {mapping.negativeValue(), mapping.positiveValue()};
        boolean[] own = new boolean[y.size()];
        if (written != null) {
            for (int i = 0; i < own.length; i++) {
                own[i] = written.get(i) != null && positive.test(written.get(i)) == (y.get(i) == 1);
            }
            for (int c = 0; c <= 1; c++) {
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (int i = 0; i < y.size(); i++) {
                    if (y.get(i) == c && own[i]) {
                        counts.merge(written.get(i), 1, Integer::sum);
                    }
                }
                int best = 0;
                for (Map.Entry<String, Integer> e : counts.entrySet()) {
                    if (e.getValue() > best) {
                        best = e.getValue();
                        typical[c] = e.getKey();
                    }
                }
            }
        }
        int[] origin = r.origin();
        List<String> out = new ArrayList<>(origin.length);
        for (int i = 0; i < origin.length; i++) {
            int c = r.y().get(i);
            out.add(origin[i] >= 0 && own[origin[i]] && y.get(origin[i]) == c ? written.get(origin[i]) : typical[c]);
        }
        return out;
    }

    /** The resampled matrix back as typed columns; row numbers are the source rows, 0 for synthetic rows. */
    static Table decode(Table source, FittedPreprocessor encoding, Resampled r) {
        FeatureMatrix x = r.x();
        int n = x.rows();
        List<Column> columns = new ArrayList<>();
        int offset = 0;
        for (ColumnTransform t : encoding.transforms()) {
            switch (t) {
                case NumericTransform num -> {
                    float[] v = new float[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = (float) (x.get(i, offset) * num.scale() + num.offset());
                    }
                    columns.add(new NumericColumn(num.input(), v));
                }
                case OneHotTransform oh -> {
                    int[] codes = new int[n];
                    for (int i = 0; i < n; i++) {
                        int best = -1;
                        float bestValue = 0;
                        for (int j = 0; j < oh.width(); j++) {
                            if (x.get(i, offset + j) > bestValue) {
                                best = j;
                                bestValue = x.get(i, offset + j);
                            }
                        }
                        codes[i] = best;
                    }
                    columns.add(new CategoricalColumn(oh.input(), oh.levels(), codes));
                }
            }
            offset += t.width();
        }
        int[] origin = r.origin();
        int[] numbers = new int[n];
        for (int i = 0; i < n; i++) {
            numbers[i] = origin[i] >= 0 ? source.rowNumber(origin[i]) : 0;
        }
        return new Table(source.source(), columns, r.y(), source.labelMapping().orElseThrow(), numbers, List.of());
    }
}
