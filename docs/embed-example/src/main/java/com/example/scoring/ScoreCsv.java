package com.example.scoring;

import dev.rareclass.embed.RareclassModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a simple CSV file (header row, no quoted commas) with a rareclass model and prints {@code row,p,predicted}
 * and the top reason of each row flagged positive. Usage: {@code ScoreCsv MODEL DATA.csv}.
 */
public final class ScoreCsv {

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ScoreCsv MODEL DATA.csv");
            System.exit(2);
        }
        // load once, share everywhere: a model is immutable and thread-safe
        RareclassModel model = RareclassModel.load(Path.of(args[0]));
        Map<String, String> types = new LinkedHashMap<>();
        model.inputs().forEach(in -> types.put(in.name(), in.type()));

        List<String> lines = Files.readAllLines(Path.of(args[1]));
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                String type = types.get(header[c]);
                if (type == null) {
                    continue; // the label column, or a column the model does not read
                }
                String cell = cells[c];
                row.put(header[c], cell.isEmpty() ? null : type.equals("numeric") ? Double.parseDouble(cell) : cell);
            }
            rows.add(row);
        }

        // one call for the whole batch, with each row's most decisive column
        List<RareclassModel.Score> scores = model.score(rows, 1);
        System.out.println("row,p,predicted,reason,change");
        for (int i = 0; i < scores.size(); i++) {
            RareclassModel.Score s = scores.get(i);
            String reason = s.positive() && !s.reasons().isEmpty()
                    ? s.reasons().get(0).feature() + "," + s.reasons().get(0).change() : ",";
            System.out.println((i + 1) + "," + s.score() + "," + s.label() + "," + reason);
        }
    }
}
