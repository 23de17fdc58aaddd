package dev.rareclass.domain.service;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.experiment.Evaluation;
import dev.rareclass.domain.experiment.Checksums;
import dev.rareclass.domain.experiment.FittedPipeline;
import dev.rareclass.domain.experiment.ModelReport;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.port.Outputs;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.ReportSink;
import dev.rareclass.domain.port.ResultSink;
import dev.rareclass.domain.port.TableSource;
import dev.rareclass.domain.preprocess.MissingPolicy;
import dev.rareclass.domain.threshold.ThresholdPolicies;
import dev.rareclass.domain.usecase.EvaluateUseCase;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads the model, reads the table as the model's training data was read, scores it, writes what was asked. For a
 * model whose policy reads per-row costs ({@code cost:@COLUMN:FP_COST}), the cost column is read too and set aside as
 * the rows' costs, for the total cost and the report's cost chart (unless the user's {@code --drop} names it).
 */
public record EvaluateService(TableSource tables, ModelStore store, ResultSink sink,
                              ReportSink reports, Outputs outputs) implements EvaluateUseCase {

    @Override
    public Result evaluate(Request request, ProgressListener progress) {
        try (Outputs.Staged staged = outputs.stage(List.of(request.model(), request.data().file()))) {
            // the JSON, the report and its charts are put in place together, once all are written
            Optional<Path> json = request.json().map(staged::file);
            Optional<Path> html = request.report().target().map(staged::reportFile);
            Optional<Path> plots = request.report().plots().map(staged::folder);
            FittedPipeline model = store.load(request.model());
            // a cost:@COLUMN:FP policy's column, which the model drops, is read and set aside as the rows' costs, so the
            // features are the ones the model was trained on: for the total cost, and the report's cost curve; unless
            // the user drops it
            Optional<String> costColumn = ThresholdPolicies.costColumnOf(model.thresholdPolicy())
                    .filter(c -> !request.given().drop().orElse(List.of()).contains(c));
            DataOptions options = labelledAsTrained(asTrained(tables, request.model(), request.data(), request.given(),
                    model), model, progress);
            // a table of negative rows only is read: a month without positives still shows the model's false alarms
            Table table = costColumn.isPresent()
                    ? withRowCosts(options, costColumn.get(), model.thresholdPolicy(), html.isPresent(), progress)
                    : tables.readWithoutRequiringPositives(options);
            model.preprocessor().requireSameSchema(table); // its one refusal before the notes
            // the warnings said of the table and the model are the evaluation's too: in the JSON and the report
            List<String> warned = new java.util.ArrayList<>();
            ProgressListener said = progress.keepingWarningsIn(warned);
            table.notes().forEach(said::note);
            model.labelMapping().warningFor(table).ifPresent(said::note);
            model.preprocessor().unseenWarnings(table).forEach(said::note);
            String trainedOn = model.provenance().dataSha256();
            if (!trainedOn.isEmpty() && trainedOn.equals(Checksums.sha256(request.data().file()))) {
                said.note(ProgressListener.WARNING + request.data().file() + " is the very file this model was trained on "
                        + "(same SHA-256): these numbers are optimistic; evaluate on rows the model never saw");
            }
            int[] y = table.requireLabels().toArray();
            double[] scores = model.scores(table);
            ModelReport report = html.isPresent() ? ModelReport.of("Evaluation of " + request.model().getFileName(),
                    "every row of " + table.source() + " (" + table.rows() + " rows)", model, table, table, scores,
                    request.seed()) : null;
            Evaluation scored = report != null ? report.evaluation()
                    : Evaluation.of(model, table, y, scores, request.seed());
            // a table of one class: what it cannot tell, and what it does: false alarms or positives caught (as the
            // Spark engine says)
            Evaluation evaluation = scored.saidAfter(warned, progress);
            if (report != null) {
                report = report.withEvaluation(evaluation);
            }
            List<Path> written = report == null ? List.of()
                    : reports.writeModelReport(report, html.get(), plots).stream().map(staged::published).toList();
            json.ifPresent(file -> sink.writeEvaluation(evaluation, file));
            staged.commit();
            return new Result(evaluation, written);
        }
    }

    /**
     * The table read with its rows' costs set aside from {@code column}, as training read them (the column is read as
     * the others are, so a model that drops rows with a missing value drops those without a cost too). A report, which
     * draws the cost curve, needs them: a column that is absent or holds no costs is refused. The numbers alone do not:
     * the table is then read as the model reads it, without the column, with a note that there is no total cost.
     */
    private Table withRowCosts(DataOptions options, String column, String policy, boolean needed,
                               ProgressListener progress) {
        DataException without;
        try {
            Table table = tables.readWithoutRequiringPositives(options.withoutDropping(column));
            if (table.featureNames().contains(column)) {
                return table.withRowCostsFrom(column);
            }
            without = new DataException(table.source() + ": column '" + column + "' not found; the model's threshold "
                    + "policy " + policy + " reads the cost of each missed positive from it");
        } catch (DataException e) {
            without = e;
        }
        if (needed) {
            throw without;
        }
        // read as the model reads it: a fault elsewhere in the table is refused again, and said as itself
        Table table = tables.readWithoutRequiringPositives(options);
        progress.note("no total cost: " + without.getMessage());
        return table;
    }

    /**
     * The table's labels as the model learned them, for the commands that measure it against them (evaluate,
     * explain): a model trained with {@code --shift-labels N} learned the N rows before each event as positives, the
     * event rows dropped, so a table given without {@code --shift-labels} is labelled the same way, with a note: read
     * as the file has them, its metrics would be about a target the model was never fitted to. A {@code --shift-labels}
     * the user gives is used, with a warning when it is not the model's. {@code predict} does not call this: it scores
     * every row as the file has it unless given {@code --shift-labels}.
     */
    public static DataOptions labelledAsTrained(DataOptions options, FittedPipeline model, ProgressListener progress) {
        int trained = model.provenance().shiftLabels();
        if (options.shiftLabels() == 0 && trained > 0) {
            progress.note("the labels are shifted as this model's training shifted them (--shift-labels " + trained
                    + ")");
            return options.withShiftLabels(trained);
        }
        if (options.shiftLabels() != trained) {
            progress.note("warning: --shift-labels " + options.shiftLabels() + " labels the rows otherwise than "
                    + "training this model did (" + (trained == 0 ? "labels as the file had them" : "--shift-labels "
                    + trained) + ")");
        }
        return options;
    }

    /**
     * {@link #asTrained(DataOptions, ReadingOptions, FittedPipeline)}, first refusing a format the model remembers
     * that {@code tables} cannot read, when the user gave none ({@link ReadingOptions#requireReadable}).
     */
    public static DataOptions asTrained(TableSource tables, Path modelFile, DataOptions data, ReadingOptions given,
                                        FittedPipeline model) {
        model.provenance().reading().requireReadable(modelFile, given, "rareclass does not read here",
                tables::cannotRead);
        return asTrained(data, given, model);
    }

    /**
     * The user's data options completed from the model: the reading options the user did not give as its
     * training data was read, its label column and positive value when not given, and its categorical columns,
     * so new data is typed as the training data was. The columns these name and the user did not may be absent
     * ({@link DataOptions#ifPresent}): a column the model dropped need not be there, and one it reads is missed by
     * its input schema, which names it.
     */
    public static DataOptions asTrained(DataOptions data, ReadingOptions given, FittedPipeline model) {
        DataOptions read = given.over(model.provenance().reading()).applyTo(data);
        String label = read.label().orElse(model.labelMapping().column());
        String positive = read.positive().orElse(model.labelMapping().positiveValue());
        requireNotTheNegativeClass(read.positive(), model.labelMapping());
        requireNoTextOfACategoricalInput(data, given, model);
        // a model trained without imputing puts nothing in a missing value's place: its refusal says so
        read = read.withLabel(label, positive).withCategorical(model.categoricalInputs())
                .withImputes(model.provenance().reading().missing().map(MissingPolicy::imputes).orElse(true));
        java.util.Set<String> remembered = new java.util.LinkedHashSet<>();
        List.of(read.drop(), read.categorical(), read.text()).forEach(remembered::addAll);
        List.of(data.drop(), data.categorical(), data.text(), given.drop().orElse(List.of()),
                given.categorical().orElse(List.of()), given.text().orElse(List.of())).forEach(remembered::removeAll);
        return read.withIfPresent(remembered);
    }

    /**
     * Refuses a {@code --text} the user gives for a column the model reads as categorical (its remembered reading
     * adds it to the categorical columns), saying so: the reader's own refusal would name a {@code --categorical} the
     * user never gave. One the user names as both is left to the reader, which says that.
     */
    private static void requireNoTextOfACategoricalInput(DataOptions data, ReadingOptions given, FittedPipeline model) {
        List<String> categorical = new java.util.ArrayList<>(data.categorical());
        categorical.addAll(given.categorical().orElse(List.of()));
        List<String> text = new java.util.ArrayList<>(data.text());
        text.addAll(given.text().orElse(List.of()));
        for (String t : text) {
            if (model.categoricalInputs().contains(t) && !categorical.contains(t)) {
                throw new UsageException(data.file() + ": column '" + t + "' is named by --text, but the model read "
                        + "it as categorical: leave --text " + t + " out (the model remembers how it read its columns)");
            }
        }
    }

    /**
     * Refuses a {@code --positive} that names the model's negative class: the model ranks its own positive class
     * higher, so every metric would come out turned over (a ROC AUC of 0.05 for 0.95) without a word. Another value
     * (a table that writes the classes otherwise, such as {@code yes} for {@code 1}) is the user's to give. The Spark
     * engine refuses it alike.
     */
    public static void requireNotTheNegativeClass(java.util.Optional<String> given,
                                                  dev.rareclass.domain.data.LabelMapping trained) {
        if (given.isEmpty() || trained.negativeValue().equals(dev.rareclass.domain.data.LabelMapping.otherThan(
                trained.positiveValue()))) {
            return;
        }
        if (dev.rareclass.domain.data.PositiveValues.parse(given.get()).test(trained.negativeValue())) {
            throw new UsageException("--positive " + given.get() + " names the negative class of this model, trained "
                    + "with '" + trained.positiveValue() + "' as positive against '" + trained.negativeValue() + "': its "
                    + "scores rank '" + trained.positiveValue() + "' higher; give --positive " + trained.positiveValue()
                    + ", or leave it out");
        }
    }
}
