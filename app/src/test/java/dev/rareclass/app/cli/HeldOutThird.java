package dev.rareclass.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Mammography (11,183 rows, 2.3% positive, no header, label column 6 with values '1' and '-1') split for tests
 * that train on two thirds and look at the rest: every third data row is held out.
 */
record HeldOutThird(Path train, Path held) {

    static final Path MAMMOGRAPHY = Path.of("..", "..", "shared", "datasets", "mammography", "mammography.csv");

    /** Writes both parts into {@code dir}; skips the test when the shared datasets are not beside the checkout. */
    static HeldOutThird ofMammography(Path dir) throws IOException {
        Assumptions.assumeTrue(Files.exists(MAMMOGRAPHY), "shared datasets not beside the checkout");
        List<String> lines = Files.readAllLines(MAMMOGRAPHY).stream().filter(l -> !l.isBlank()).toList();
        List<String> train = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            (i % 3 == 2 ? held : train).add(lines.get(i));
        }
        return new HeldOutThird(Files.write(dir.resolve("train.csv"), train), Files.write(dir.resolve("held.csv"), held));
    }

    /** Trains on the two thirds ({@code args} after the data options), predicts the held-out third; its rows. */
    List<String> trainAndPredict(Path dir, String name, String... args) throws IOException {
        Path model = dir.resolve(name + ".model");
        List<String> command = new ArrayList<>(List.of("train", train.toString(), "--no-header", "--label", "6",
                "--positive", "'1'", "--seed", "1", "--out", model.toString(), "-q"));
        command.addAll(List.of(args));
        CliRun t = CliRun.of(command.toArray(String[]::new));
        org.assertj.core.api.Assertions.assertThat(t.exitCode()).as(t.err()).isZero();
        Path out = dir.resolve(name + ".csv");
        CliRun p = CliRun.of("predict", model.toString(), held.toString(), "--no-header", "--out", out.toString(), "-q");
        org.assertj.core.api.Assertions.assertThat(p.exitCode()).as(p.err()).isZero();
        List<String> rows = Files.readAllLines(out);
        return rows.subList(1, rows.size()); // row,y,p,predicted
    }
}
