package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** The small labelled table the reliability corpora train their models on. */
final class SmallTable {

    private SmallTable() {
    }

    /**
     * Writes 200 rows of columns {@code a} (decimal), {@code b} (integer), {@code color} (red, green or blue) and
     * {@code y} (1 on every fifth row, else 0) to {@code file}; returns it.
     */
    static Path write(Path file) throws IOException {
        return write(file, 200);
    }

    /** Writes {@code rows} rows of the same columns and pattern as {@link #write(Path)} to {@code file}; returns it. */
    static Path write(Path file, int rows) throws IOException {
        StringBuilder sb = new StringBuilder("a,b,color,y\n");
        String[] colors = {"red", "green", "blue"};
        for (int i = 0; i < rows; i++) {
            sb.append(i % 7).append('.').append(i % 10).append(',').append((i * 13) % 11).append(',')
                    .append(colors[i % 3]).append(',').append(i % 5 == 0 ? 1 : 0).append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }

    /**
     * Writes the numeric table the model-file attack tests train on: 300 rows of integer columns {@code a} and
     * {@code b} and {@code y} (1 on every sixth row, else 0); returns it.
     */
    static Path writeNumeric(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 300; i++) {
            sb.append(i % 7).append(',').append((i * 13) % 11).append(',').append(i % 6 == 0 ? 1 : 0).append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }

    /**
     * Writes {@code rows} rows of uniform numbers in {@code cols} columns {@code f0..} and a label {@code y}, 1 on one
     * row in twenty (seeded): noise to learn, of any size; returns it.
     */
    static Path noise(Path file, int rows, int cols) throws IOException {
        Random r = new Random(3);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                sb.append('f').append(c).append(',');
            }
            w.write(sb.append("y\n").toString());
            for (int i = 0; i < rows; i++) {
                sb.setLength(0);
                for (int c = 0; c < cols; c++) {
                    sb.append(r.nextInt(100_000) / 10_000.0).append(',');
                }
                sb.append(r.nextInt(20) == 0 ? 1 : 0).append('\n');
                w.write(sb.toString());
            }
        }
        return file;
    }

    /** Trains {@code logistic} on {@code table} ({@code color} categorical) into {@code model}, in-process; returns it. */
    static Path trainLogistic(Path table, Path model) {
        InProcessCli t = InProcessCli.run("train", table.toString(), "--label", "y", "--positive", "1",
                "--categorical", "color", "--model", "logistic", "--out", model.toString());
        assertThat(t.exitCode()).as(t.err()).isZero();
        return model;
    }
}
