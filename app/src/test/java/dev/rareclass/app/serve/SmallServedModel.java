package dev.rareclass.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.rareclass.app.cli.CliRun;
import dev.rareclass.app.wiring.AppModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A logistic model of a 60-row table with a numeric and a categorical column (x, c; label y), for server tests. */
final class SmallServedModel {

    private SmallServedModel() {
    }

    /** Trains it into {@code dir} (t.csv, m.model) and returns the model file. */
    static Path train(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("x,c,y\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i % 7).append(',').append(i % 2 == 0 ? "a" : "b").append(',').append(i % 5 == 0 ? 1 : 0)
                    .append('\n');
        }
        Path table = Files.writeString(dir.resolve("t.csv"), csv);
        Path model = dir.resolve("m.model");
        CliRun run = CliRun.withAllCommands(Guice.createInjector(new AppModule()), "train", table.toString(), "--label",
                "y", "--positive", "1", "--model", "logistic", "--out", model.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return model;
    }
}
