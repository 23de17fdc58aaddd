package dev.rareclass.domain.service;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
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
import java.util.List;

/**
 * Applies a sampler to a whole table and writes it back in the input's units. The sampler sees the values
 * unscaled (as imbalanced-learn does when given raw features), with categorical columns one-hot encoded
 * so that synthetic rows get real categories (SMOTE-NC behaviour), decoded back on output.
 */
public record ResampleService(TableSource tables, SamplerCatalog samplers, ResultSink sink, Outputs outputs)
        implements ResampleUseCase {

    @Override
    public Result resample(Request request, ProgressListener progress) {
        outputs.checkFile(request.out());
        DataOptions data = request.data();
        long seed = request.seed();
        var sampler = samplers.find(request.sampler().name()).create(request.sampler().params());
        Table table = tables.read(data);
        table.notes().forEach(progress::note);
        for (var column : table.columns()) {
            if (column instanceof dev.rareclass.domain.data.TextColumn) {
                throw new dev.rareclass.domain.error.UsageException("resample writes tables of numbers and categories; "
                        + "column '" + column.name() + "' is text (--drop it)");
            }
        }
        FittedPreprocessor encoding = FittedPreprocessor.fit(table,
                new PreprocessingSpec(Scaling.NONE, data.missing(), UnknownCategories.IGNORE)
                        .withMaxCategories(request.maxCategories()));
        FeatureMatrix x = encoding.transform(table);
        long t0 = System.nanoTime();
        Resampled r = sampler.resample(new SamplingInput(x, table.requireLabels(), encoding.categoricalBlocks()), seed);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Table result = decode(table, encoding, r);
        sink.writeTable(result, request.out());
        return new Result(table.rows(), result.rows(), r.syntheticRows(), r.y().positives(), seconds);
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
