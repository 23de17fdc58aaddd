package dev.rareclass.adapters.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.rareclass.adapters.io.AtomicFiles;
import dev.rareclass.domain.experiment.Evaluation;
import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.OutputException;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.experiment.LeaderboardRow;
import dev.rareclass.domain.metrics.MetricName;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import dev.rareclass.domain.experiment.Predictions;
import dev.rareclass.domain.port.ResultSink;
import java.io.OutputStreamWriter;
import java.io.Writer;
import dev.rareclass.domain.scoring.ReasonCodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes predictions as CSV ({@code row,y,p,predicted}: input data row, the input's id column as written when
 * asked for, true label 0/1 when the input had it, score, predicted label 0/1, then reason codes when asked for)
 * and evaluations and leaderboards as JSON, each atomically.
 */
public final class FileResultSink implements ResultSink {

    @Override
    public void writePredictions(Predictions p, Path file) {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(gzippedIfNamedSo(file, out), StandardCharsets.UTF_8);
            try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w)) {
                List<String> header = new ArrayList<>(List.of("row"));
                if (p.hasLabels()) {
                    header.add("y");
                }
                header.add("p");
                header.add("predicted");
                for (int k = 1; k <= p.reasonCount(); k++) {
                    header.add("reason_" + k);
                    header.add("change_" + k);
                }
                p.idColumn().ifPresent(id -> header.add(1, idHeader(id, header)));
                csv.writeRecord(header);
                List<String> record = new ArrayList<>(header.size());
                for (int i = 0; i < p.size(); i++) {
                    record.clear();
                    record.add(Integer.toString(p.rowNumber(i)));
                    if (p.idColumn().isPresent()) {
                        record.add(p.id(i) == null ? "" : p.id(i));
                    }
                    if (p.hasLabels()) {
                        record.add(Integer.toString(p.label(i)));
                    }
                    record.add(Double.toString(p.score(i)));
                    record.add(Integer.toString(p.predicted(i)));
                    List<ReasonCodes.Reason> reasons = p.reasons(i);
                    for (int k = 0; k < p.reasonCount(); k++) {
                        record.add(k < reasons.size() ? reasons.get(k).feature() : "");
                        record.add(k < reasons.size() ? Double.toString(reasons.get(k).change()) : "");
                    }
                    csv.writeRecord(record);
                }
            }
        });
    }

    /**
     * The id column's header: its name in the input, unless that is one of the other columns' names (an input
     * column called {@code y} or {@code p}), which would make them ambiguous; then prefixed with {@code input_}.
     */
    static String idHeader(String name, List<String> others) {
        String header = name;
        while (others.contains(header)) {
            header = "input_" + header;
        }
        return header;
    }

    /**
     * The stream a CSV output is written through: gzip-compressed when its name ends in {@code .gz}, as every reader here
     * reads such a name ({@code resample --out t.csv.gz} wrote plain text under that name, which no reader, ours
     * included, could then read back); closing it finishes the gzip data.
     */
    private static java.io.OutputStream gzippedIfNamedSo(Path file, java.io.OutputStream out) throws IOException {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")
                ? new java.util.zip.GZIPOutputStream(out, 1 << 16) : out;
    }

    @Override
    public void writeEvaluation(Evaluation evaluation, Path file) {
        byte[] bytes = evaluationJson(evaluation, true).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The columns of {@code leaderboard.csv}, in order. */
    static final List<String> LEADERBOARD_COLUMNS = List.of("rank", "model", "backend", "params", "sampler", "class_weight",
            "pr_auc_mean", "pr_auc_std", "roc_auc_mean", "roc_auc_std", "mcc_mean", "mcc_std", "f1_mean", "recall_mean",
            "precision_mean", "balanced_accuracy_mean", "fit_seconds_mean", "worse_than_best", "p_value");

    @Override
    public void writeExperiment(Leaderboard leaderboard, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new OutputException(dir + ": cannot create folder (" + e.getMessage() + ")", e);
        }
        byte[] json = toJson(JsonResults.leaderboard(leaderboard)).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve("leaderboard.csv"), out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w)) {
                csv.writeRecord(LEADERBOARD_COLUMNS);
                int rank = 1;
                for (LeaderboardRow row : leaderboard.rows()) {
                    csv.writeRecord(Integer.toString(rank++), row.model(), row.backend(), paramsText(row), row.sampler(),
                            row.classWeight(),
                            num(row.metric(MetricName.PR_AUC).mean()), num(row.metric(MetricName.PR_AUC).std()),
                            num(row.metric(MetricName.ROC_AUC).mean()), num(row.metric(MetricName.ROC_AUC).std()),
                            num(row.metric(MetricName.MCC).mean()), num(row.metric(MetricName.MCC).std()),
                            num(row.metric(MetricName.F1).mean()), num(row.metric(MetricName.RECALL).mean()),
                            num(row.metric(MetricName.PRECISION).mean()),
                            num(row.metric(MetricName.BALANCED_ACCURACY).mean()), num(row.fitSeconds().mean()),
                            Boolean.toString(row.worseThanBest()), num(row.pValue()));
                }
            }
        });
        AtomicFiles.write(dir.resolve("results.json"), out -> out.write(json));
    }

    private static String paramsText(LeaderboardRow row) {
        StringBuilder sb = new StringBuilder();
        row.params().asMap().forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    @Override
    public void writeTable(Table table, List<String> labels, Path file) {
        LabelMapping mapping = table.labelMapping().orElseThrow();
        if (labels.size() != table.rows()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + table.rows() + " rows");
        }
        List<Column> columns = table.columns();
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(gzippedIfNamedSo(file, out), StandardCharsets.UTF_8);
            try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w)) {
                List<String> header = new java.util.ArrayList<>(table.featureNames());
                header.add(mapping.column());
                csv.writeRecord(header);
                String[] row = new String[columns.size() + 1];
                for (int r = 0; r < table.rows(); r++) {
                    for (int c = 0; c < columns.size(); c++) {
                        row[c] = switch (columns.get(c)) {
                            case NumericColumn n -> Float.isNaN(n.get(r)) ? "" : plain(n.get(r));
                            case CategoricalColumn k -> k.value(r) == null ? "" : k.value(r);
                            case TextColumn t -> t.get(r) == null ? "" : t.get(r);
                        };
                    }
                    row[columns.size()] = labels.get(r);
                    csv.writeRecord(row);
                }
            }
        });
    }

    /**
     * A float as a table's cell: the shortest decimal that reads back as the same float, without an exponent, and a
     * whole number without a fraction ({@code 0}, not {@code 0.0}; {@code 1577836800}, not {@code 1.5778368E9}).
     */
    static String plain(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e18f) {
            return Long.toString((long) v);
        }
        String shortest = Float.toString(v);
        return shortest.indexOf('E') < 0 ? shortest
                : new java.math.BigDecimal(shortest).stripTrailingZeros().toPlainString();
    }

    @Override
    public String evaluationJson(Evaluation evaluation, boolean curves) {
        return toJson(JsonResults.evaluation(evaluation, curves));
    }

    private static String toJson(Object node) {
        try {
            return JsonResults.MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON tree could not be written", e);
        }
    }
}
