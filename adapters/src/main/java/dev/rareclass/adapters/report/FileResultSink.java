package dev.rareclass.adapters.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.rareclass.adapters.io.AtomicFiles;
import dev.rareclass.domain.experiment.Evaluation;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.experiment.Predictions;
import dev.rareclass.domain.port.ResultSink;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes predictions as CSV ({@code row,y,p,predicted}: input data row, true label 0/1 when the input had
 * it, score, predicted label 0/1) and evaluations and leaderboards as JSON, each atomically.
 */
public final class FileResultSink implements ResultSink {

    @Override
    public void writePredictions(Predictions p, Path file) {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CsvWriter csv = CsvWriter.builder().lineDelimiter(de.siegmar.fastcsv.writer.LineDelimiter.LF).build(w)) {
                if (p.hasLabels()) {
                    csv.writeRecord("row", "y", "p", "predicted");
                } else {
                    csv.writeRecord("row", "p", "predicted");
                }
                for (int i = 0; i < p.size(); i++) {
                    String row = Integer.toString(p.rowNumber(i));
                    String score = Double.toString(p.score(i));
                    String predicted = Integer.toString(p.predicted(i));
                    if (p.hasLabels()) {
                        csv.writeRecord(row, Integer.toString(p.label(i)), score, predicted);
                    } else {
                        csv.writeRecord(row, score, predicted);
                    }
                }
            }
        });
    }

    @Override
    public void writeEvaluation(Evaluation evaluation, Path file) {
        byte[] bytes = evaluationJson(evaluation).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    @Override
    public void writeLeaderboard(Leaderboard leaderboard, Path file) {
        byte[] bytes = toJson(JsonResults.leaderboard(leaderboard)).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    @Override
    public String evaluationJson(Evaluation evaluation) {
        return toJson(JsonResults.evaluation(evaluation));
    }

    private static String toJson(Object node) {
        try {
            return JsonResults.MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON tree could not be written", e);
        }
    }
}
