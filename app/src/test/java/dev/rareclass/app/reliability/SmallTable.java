package dev.rareclass.app.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The small labelled table the reliability corpora train their models on. */
final class SmallTable {

    private SmallTable() {
    }

    /**
     * Writes 200 rows of columns {@code a} (decimal), {@code b} (integer), {@code color} (red, green or blue) and
     * {@code y} (1 on every fifth row, else 0) to {@code file}; returns it.
     */
    static Path write(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("a,b,color,y\n");
        String[] colors = {"red", "green", "blue"};
        for (int i = 0; i < 200; i++) {
            sb.append(i % 7).append('.').append(i % 10).append(',').append((i * 13) % 11).append(',')
                    .append(colors[i % 3]).append(',').append(i % 5 == 0 ? 1 : 0).append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }
}
