package dev.rareclass.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's start-up training run does every step it names (a step that failed would leave the cache unmade). */
@Tag("slow")
class StartupTrainingTest {

    @TempDir
    Path dir;

    @Test
    void everyStepRunsAndLeavesItsFiles() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = StartupTraining.run(dir, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(dir.resolve("demo/report.html")).isRegularFile();
        assertThat(dir.resolve("boosting.model")).isRegularFile();
        List<String> predictions = Files.readAllLines(dir.resolve("predictions.csv"));
        assertThat(predictions).hasSize(5_001); // a header and one line per row of the second table
        // the tables: 20,000 and 5,000 rows of 30 numbers and a label with both classes
        List<String> train = Files.readAllLines(dir.resolve("train.csv"));
        assertThat(train).hasSize(20_001);
        assertThat(train.getFirst()).startsWith("x0,x1,").endsWith(",x29,y");
        long positives = train.stream().skip(1).filter(l -> l.endsWith(",1")).count();
        assertThat(positives).isBetween(200L, 4_000L);
    }

    @Test
    void aStepThatFailsIsNamedAndEndsTheRunWith70() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = StartupTraining.run(file, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(70);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("StartupTraining: cannot write its tables");
    }
}
