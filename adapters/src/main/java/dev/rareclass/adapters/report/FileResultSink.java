package dev.rareclass.adapters.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.rareclass.adapters.AdaptersModule;
import dev.rareclass.adapters.io.AtomicFiles;
import dev.rareclass.domain.error.UsageException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import dev.rareclass.domain.experiment.Evaluation;
import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
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
 * Writes predictions as CSV or TSV ({@code row,y,p,predicted}: input data row, the input's id column as written when
 * asked for, true label 0/1 when the input had it, score, predicted label 0/1, then reason codes when asked for),
 * tables in the format their file's name says ({@link OutputFormat}: CSV, TSV, ARFF or LibSVM, gzip-compressed when
 * the name ends in {@code .gz}) and evaluations and leaderboards as JSON, each atomically.
 */
public final class FileResultSink implements ResultSink {

    private final Map<String, String> extensions;

    /** @param extensions file extension (such as {@code .arff}) → format name, as the readers are registered */
    @Inject
    public FileResultSink(@Named(AdaptersModule.FORMATS) Map<String, String> extensions) {
        this.extensions = Map.copyOf(extensions);
    }

    /** The built-in formats' extensions (for tests and tools without Guice). */
    public FileResultSink() {
        this(AdaptersModule.BUILT_IN_EXTENSIONS);
    }

    @Override
    public String outputFormat(Path file) {
        return OutputFormat.of(file, extensions).formatName();
    }

    @Override
    public void checkTable(Table table, Path file) {
        if (OutputFormat.of(file, extensions) == OutputFormat.LIBSVM) {
            LibSvmWriter.refusal(table, false).ifPresent(why -> {
                throw new UsageException(file + ": " + why);
            });
        }
    }

    @Override
    public void writePredictions(Predictions p, Path file) {
        requirePredictionsFormat(file); // predict asks first: this is the last guard
        OutputFormat format = OutputFormat.of(file, extensions);
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(gzippedIfNamedSo(file, out), StandardCharsets.UTF_8);
            try (CsvWriter csv = delimited(format, w)) {
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
     * The stream a table or predictions are written through: gzip-compressed when its name ends in {@code .gz}, as every reader here
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

    /** The columns of {@code leaderboard.csv} every board has, in order (see {@link #leaderboardColumns}). */
    static final List<String> LEADERBOARD_COLUMNS = List.of("rank", "model", "backend", "params", "sampler", "class_weight",
            "pr_auc_mean", "pr_auc_std", "roc_auc_mean", "roc_auc_std", "mcc_mean", "mcc_std", "f1_mean", "recall_mean",
            "precision_mean", "balanced_accuracy_mean", "fit_seconds_mean", "worse_than_best", "p_value");

    /**
     * The columns of {@code leaderboard.csv} for a board ranked by {@code metric}: {@link #LEADERBOARD_COLUMNS}, and the
     * ranking metric's mean and std where they are not among them, as the printed leaderboard, the report and the
     * summary show it, so that the file says what its order and its {@code p_value} are about: ranked by brier or
     * accuracy, the file held neither, and ranked by f1 it held no f1_std. A metric none of the fixed columns holds
     * comes first after {@code class_weight}, where the printed board puts it; a std after its mean.
     */
    static List<String> leaderboardColumns(MetricName metric) {
        List<String> columns = new ArrayList<>(LEADERBOARD_COLUMNS);
        String mean = metric.key() + "_mean";
        String std = metric.key() + "_std";
        if (!columns.contains(mean)) {
            int at = columns.indexOf("class_weight") + 1;
            columns.add(at, std);
            columns.add(at, mean);
        } else if (!columns.contains(std)) {
            columns.add(columns.indexOf(mean) + 1, std);
        }
        return List.copyOf(columns);
    }

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
                List<String> columns = leaderboardColumns(leaderboard.metric());
                csv.writeRecord(columns);
                int rank = 1;
                for (LeaderboardRow row : leaderboard.rows()) {
                    List<String> record = new ArrayList<>(columns.size());
                    for (String column : columns) {
                        record.add(leaderboardCell(column, rank, row));
                    }
                    csv.writeRecord(record);
                    rank++;
                }
            }
        });
        AtomicFiles.write(dir.resolve("results.json"), out -> out.write(json));
    }

    /** One cell of {@code leaderboard.csv}: a fixed column, or a metric's {@code KEY_mean} or {@code KEY_std}. */
    private static String leaderboardCell(String column, int rank, LeaderboardRow row) {
        return switch (column) {
            case "rank" -> Integer.toString(rank);
            case "model" -> row.model();
            case "backend" -> row.backend();
            case "params" -> paramsText(row);
            case "sampler" -> row.sampler();
            case "class_weight" -> row.classWeight();
            case "fit_seconds_mean" -> num(row.fitSeconds().mean());
            case "worse_than_best" -> Boolean.toString(row.worseThanBest());
            case "p_value" -> num(row.pValue());
            default -> {
                boolean mean = column.endsWith("_mean");
                MetricName metric = MetricName.fromKey(column.substring(0, column.length() - (mean ? 5 : 4)));
                yield num(mean ? row.metric(metric).mean() : row.metric(metric).std());
            }
        };
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
        if (labels.size() != table.rows()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + table.rows() + " rows");
        }
        OutputFormat format = OutputFormat.of(file, extensions);
        if (format == OutputFormat.LIBSVM) { // before anything is written: a refusal leaves no file
            LibSvmWriter.refusal(table, true).ifPresent(why -> {
                throw new UsageException(file + ": " + why);
            });
        }
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(gzippedIfNamedSo(file, out), StandardCharsets.UTF_8);
            switch (format) {
                case ARFF -> ArffWriter.write(table, labels, relation(file), w);
                case LIBSVM -> LibSvmWriter.write(table, labels, w);
                case CSV, TSV -> writeDelimited(table, labels, format, w);
            }
            w.close(); // flushes, and finishes the gzip data (a no-op when the CSV writer closed it)
        });
    }

    /** ARFF's relation name: the file's name without {@code .gz} and {@code .arff}. */
    private static String relation(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        for (String ext : List.of(".gz", ".arff")) {
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(ext)) {
                name = name.substring(0, name.length() - ext.length());
            }
        }
        return name.isEmpty() || name.equals("-") ? "rareclass" : name;
    }

    private static CsvWriter delimited(OutputFormat format, Writer w) {
        return CsvWriter.builder().fieldSeparator(format == OutputFormat.TSV ? '\t' : ',')
                .lineDelimiter(LineDelimiter.LF).build(w);
    }

    private static void writeDelimited(Table table, List<String> labels, OutputFormat format, Writer w)
            throws IOException {
        List<Column> columns = table.columns();
        try (CsvWriter csv = delimited(format, w)) {
            List<String> header = new ArrayList<>(table.featureNames());
            header.add(table.labelMapping().orElseThrow().column());
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
