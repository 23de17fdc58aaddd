package dev.rareclass.embed;

import dev.rareclass.adapters.store.ZipModelStore;
import dev.rareclass.domain.experiment.FittedPipeline;
import dev.rareclass.domain.scoring.InputSchema;
import dev.rareclass.domain.scoring.ScoredRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A saved rareclass model inside your own JVM program: load a model file once, then score rows given as maps from
 * column name to value. Scores, labels and reasons are the ones {@code rareclass predict} and {@code rareclass serve}
 * give for the same rows. Instances are immutable and thread-safe: share one across threads.
 *
 * <pre>{@code
 * RareclassModel model = RareclassModel.load(Path.of("fraud.model"));
 * RareclassModel.Score s = model.score(Map.of("amount", 912.5, "country", "NL", "hour", 3));
 * if (s.positive()) { ... s.score() ... }
 * }</pre>
 *
 * <p>Values by column type ({@link #inputs()}): numeric columns take numbers (and strings or booleans, read as the CSV
 * reader reads the same field: "3.5", true), categorical ones strings, numbers or booleans, text ones strings; null
 * is a missing value, handled as the model's training handled it. The label column
 * may be present and is ignored; any other unknown or missing column is refused. Bad input (a null batch, row or
 * column name too) throws a {@link dev.rareclass.domain.error.RareclassException} (unchecked) whose message names the
 * column and row.
 *
 * <p>The class path needs this module and the backend module the model was trained on
 * ({@code rareclass-backend-smile}, {@code -xgboost} or {@code -dl4j}); backends are found with {@link
 * java.util.ServiceLoader}, so a program scoring Smile models never loads ND4J.
 */
public final class RareclassModel {

    /** One input column the model reads: its name and type ({@code numeric}, {@code categorical} or {@code text}). */
    public record Input(String name, String type) {
    }

    /** One input column's part in a row's score: the score minus the score with the column at its training median. */
    public record Reason(String feature, double change) {
    }

    /**
     * A scored row.
     *
     * @param score    the model's score (a probability for most kinds)
     * @param positive whether {@code score >= threshold()}: the predicted label is the positive class
     * @param reasons  the columns that moved the score most, largest first (empty unless asked for)
     */
    public record Score(double score, boolean positive, List<Reason> reasons) {
        /** 1 when {@link #positive()}, else 0: the {@code predicted} column of {@code rareclass predict}. */
        public int label() {
            return positive ? 1 : 0;
        }
    }

    private final FittedPipeline pipeline;
    private final InputSchema schema;
    private final String name;

    private RareclassModel(FittedPipeline pipeline, String name) {
        this.pipeline = pipeline;
        this.schema = InputSchema.of(pipeline);
        this.name = name;
    }

    /**
     * Reads and verifies a model file written by {@code rareclass train} or {@code tune --out}.
     *
     * @throws dev.rareclass.domain.error.RareclassException when the file is missing, altered, not a rareclass model,
     *                                                       or needs a backend that is not on the class path
     */
    public static RareclassModel load(Path file) {
        Objects.requireNonNull(file, "file");
        return new RareclassModel(new ZipModelStore(new ServiceLoaderCodecs()).load(file), file.toString());
    }

    /**
     * A model already loaded by rareclass's own model store (the HTTP server loads through the application's).
     *
     * @param name what messages about its input name (the model's name or file)
     */
    public static RareclassModel of(FittedPipeline pipeline, String name) {
        return new RareclassModel(Objects.requireNonNull(pipeline, "pipeline"), Objects.requireNonNull(name, "name"));
    }

    /** The pipeline this model runs, for programs inside rareclass (the HTTP server, reports). */
    public FittedPipeline pipeline() {
        return pipeline;
    }

    /** The input schema, which turns column values into a table this model scores (for rareclass's adapters). */
    public InputSchema schema() {
        return schema;
    }

    /** The model kind, such as {@code random-forest}. */
    public String kind() {
        return pipeline.classifier().kind();
    }

    /** The backend that trained it, such as {@code smile}. */
    public String backend() {
        return pipeline.classifier().backend();
    }

    /** Rows whose score is at least this are predicted positive. */
    public double threshold() {
        return pipeline.threshold();
    }

    /** The label column's name and the value of its positive class, as at training. */
    public String labelColumn() {
        return pipeline.labelMapping().column();
    }

    public String positiveValue() {
        return pipeline.labelMapping().positiveValue();
    }

    /** The columns a row must have, in the model's order. */
    public List<Input> inputs() {
        return schema.fields().stream().map(f -> new Input(f.name(), f.type())).toList();
    }

    public Score score(Map<String, ?> row) {
        return score(row, 0);
    }

    /** One row with its {@code reasons} most decisive columns. */
    public Score score(Map<String, ?> row, int reasons) {
        // a list that holds a null, so that a null row is refused as in a batch (List.of would throw NPE)
        return score(java.util.Collections.singletonList(row), reasons).get(0);
    }

    public List<Score> score(List<? extends Map<String, ?>> rows) {
        return score(rows, 0);
    }

    /**
     * Scores a batch of rows at once (faster per row than one at a time).
     *
     * @param reasons how many reasons to give per row; 0 for none
     */
    public List<Score> score(List<? extends Map<String, ?>> rows, int reasons) {
        if (rows == null) { // refused as a null row is, not with a NullPointerException
            throw new dev.rareclass.domain.error.DataException(name + ": the batch is null, not a list of rows");
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<Object>> columns = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            Map<String, ?> row = rows.get(r);
            if (row == null) {
                throw new dev.rareclass.domain.error.DataException(name + ", row " + (r + 1)
                        + ": the row is null, not a map of column name to value");
            }
            for (String key : row.keySet()) {
                if (key == null) {
                    throw new dev.rareclass.domain.error.DataException(name + ", row " + (r + 1) + ": a column name is null");
                }
                columns.computeIfAbsent(key, k -> new ArrayList<>(rows.size()));
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            Map<String, ?> row = rows.get(r);
            for (Map.Entry<String, List<Object>> e : columns.entrySet()) {
                if (!row.containsKey(e.getKey())) {
                    throw new dev.rareclass.domain.error.DataException(name + ", row " + (r + 1) + ": column '"
                            + e.getKey() + "' is missing (other rows have it)");
                }
                e.getValue().add(row.get(e.getKey()));
            }
        }
        return scoreColumns(columns, reasons);
    }

    /**
     * Scores columns of values (each list one column, all of the same length): the shape request bodies come in.
     *
     * @param reasons how many reasons to give per row; 0 for none
     */
    public List<Score> scoreColumns(Map<String, ? extends List<?>> columns, int reasons) {
        if (columns == null) {
            throw new dev.rareclass.domain.error.DataException(name
                    + ": the columns are null, not a map of column name to values");
        }
        return scores(ScoredRows.of(pipeline, schema.table(name, columns), reasons));
    }

    private static List<Score> scores(ScoredRows scored) {
        List<Score> out = new ArrayList<>(scored.size());
        for (int r = 0; r < scored.size(); r++) {
            List<Reason> why = scored.reasons().get(r).stream().map(x -> new Reason(x.feature(), x.change())).toList();
            out.add(new Score(scored.scores()[r], scored.predicted()[r] == 1, why));
        }
        return out;
    }
}
