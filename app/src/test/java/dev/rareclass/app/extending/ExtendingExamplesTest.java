package dev.rareclass.app.extending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.rareclass.app.cli.CliRun;
import dev.rareclass.app.cli.GeneratedCsv;
import dev.rareclass.app.wiring.AppModule;
import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.preprocess.MissingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worked examples of docs/EXTENDING.md, wired into the real application and used from the command line. */
class ExtendingExamplesTest {

    @TempDir
    Path dir;

    private final Injector injector = Guice.createInjector(new AppModule(), new NearestCentroidExample.Module(),
            new DuplicateMinorityExample.Module(), new JsonLinesFormatExample.Module());

    private String[] run(String... args) {
        CliRun r = CliRun.withAllCommands(injector, args);
        return new String[] {Integer.toString(r.exitCode()), r.out(), r.err()};
    }

    private Path table() throws IOException {
        return GeneratedCsv.write(dir.resolve("t.csv"), 400, 4, 2, 0.1, 8, "a,b,c,d,y", "1", "0");
    }

    @Test
    void aNewClassifierTrainsSavesLoadsAndScoresThroughTheCommandLine() throws IOException {
        Path data = table();
        Path model = dir.resolve("centroid.model");
        String[] train = run("train", data.toString(), "--label", "y", "--positive", "1", "--model", "nearest-centroid",
                "--param", "temperature=2", "--out", model.toString());
        assertThat(train[0]).as(train[2]).isEqualTo("0");
        assertThat(train[1]).contains("Trained nearest-centroid@example");
        String[] eval = run("evaluate", model.toString(), data.toString());
        assertThat(eval[0]).as(eval[2]).isEqualTo("0");
        assertThat(eval[1]).contains("nearest-centroid@example").contains("roc_auc");
        String[] bad = run("train", data.toString(), "--label", "y", "--positive", "1", "--model", "nearest-centroid",
                "--param", "temperature=0", "--out", dir.resolve("x.model").toString());
        assertThat(bad[0]).isEqualTo("2");
    }

    @Test
    void aNewSamplerIsUsableByNameEverywhere() throws IOException {
        Path data = table();
        Path out = dir.resolve("dup.csv");
        String[] r = run("resample", data.toString(), "--label", "y", "--positive", "1", "--sampler", "duplicate-minority",
                "--out", out.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        long positivesIn = Files.readAllLines(data).stream().filter(l -> l.endsWith(",1")).count();
        long positivesOut = Files.readAllLines(out).stream().filter(l -> l.endsWith(",1")).count();
        assertThat(positivesOut).isEqualTo(2 * positivesIn);
        String[] compare = run("compare", data.toString(), "--label", "y", "--positive", "1", "--models", "logistic",
                "--samplers", "none,duplicate-minority", "--folds", "3");
        assertThat(compare[0]).as(compare[2]).isEqualTo("0");
        assertThat(compare[1]).contains("logistic@smile +duplicate-minority");
    }

    @Test
    void aNewFileFormatIsPickedByItsExtension() throws IOException {
        StringBuilder sb = new StringBuilder();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(2);
        for (int i = 0; i < 200; i++) {
            boolean rare = i % 8 == 0;
            sb.append(String.format(java.util.Locale.ROOT, "{\"a\": %.3f, \"b\": %.3f, \"kind\": \"%s\"}%n",
                    rng.nextGaussian() + (rare ? 2 : 0), rng.nextGaussian(), rare ? "fraud" : "ok"));
        }
        Path data = dir.resolve("payments.jsonl");
        Files.writeString(data, sb);
        String[] describe = run("describe", data.toString(), "--label", "kind", "--positive", "fraud");
        assertThat(describe[0]).as(describe[2]).isEqualTo("0");
        assertThat(describe[1]).contains("200 rows, 2 feature columns").contains("25 positive ('fraud')");
        String[] train = run("train", data.toString(), "--label", "kind", "--positive", "fraud", "--model", "logistic",
                "--out", dir.resolve("p.model").toString());
        assertThat(train[0]).as(train[2]).isEqualTo("0");
        String[] unknown = run("describe", data.toString(), "--format", "parquet", "--label", "kind", "--positive", "fraud");
        assertThat(unknown[0]).isEqualTo("2");
        assertThat(unknown[2]).contains("jsonl");
    }

    /** The JSON Lines reader only parses; the shared data-options step gives it every option. */
    @Test
    void theNewFileFormatHonoursTheDataOptions() throws IOException {
        Path data = dir.resolve("events.jsonl");
        Files.writeString(data, """
                {"t": 0, "a": 1.5, "note": "x", "kind": "ok"}
                {"t": 1, "a": null, "note": "y", "kind": "ok"}
                {"t": 2, "a": 2.5, "note": "z", "kind": "ok"}

                {"t": 3, "a": 3.5, "note": "w", "kind": "fraud"}
                {"t": 4, "a": 4.5, "kind": "ok"}
                {"t": 5, "a": 5.5, "note": "v", "kind": "ok"}
                """);
        JsonLinesFormatExample.Reader reader = new JsonLinesFormatExample.Reader();

        // --missing error (the default) names the file, line and column of the first missing value
        assertThatThrownBy(() -> reader.read(options(data, List.of("note"), MissingPolicy.ERROR, 0)))
                .isInstanceOf(DataException.class)
                .hasMessage(data + ", line 2, column 'a': missing value; use --missing drop, mean, median or "
                        + "most-frequent, or --drop the column");

        // --drop note, --missing drop: line 2 goes; the label is mapped with the explicit positive value
        Table t = reader.read(options(data, List.of("note"), MissingPolicy.DROP, 0));
        assertThat(t.featureNames()).containsExactly("t", "a");
        assertThat(t.rowNumbers()).containsExactly(1, 3, 4, 5, 6);
        assertThat(t.requireLabels().toArray()).containsExactly(0, 0, 1, 0, 0);
        assertThat(t.labelMapping().orElseThrow().column()).isEqualTo("kind");
        assertThat(t.labelMapping().orElseThrow().negativeValue()).isEqualTo("ok");
        assertThat(((NumericColumn) t.columns().get(1)).values()).containsExactly(1.5f, 2.5f, 3.5f, 4.5f, 5.5f);
        assertThat(t.notes()).contains("1 rows with missing values dropped (--missing drop)");

        // without --drop, the absent "note" of line 6 is missing too, and its row goes as well
        Table kept = reader.read(options(data, List.of(), MissingPolicy.DROP, 0));
        assertThat(kept.featureNames()).containsExactly("t", "a", "note");
        assertThat(kept.columns().get(2)).isInstanceOf(CategoricalColumn.class);
        assertThat(kept.rowNumbers()).containsExactly(1, 3, 4, 6);

        // --shift-labels 2: the two rows before the event become positive and the event row goes
        Table shifted = reader.read(options(data, List.of("note"), MissingPolicy.DROP, 2));
        assertThat(shifted.requireLabels().toArray()).containsExactly(1, 1, 0, 0);
        assertThat(shifted.rowNumbers()).containsExactly(1, 3, 5, 6);

        // the same through the command line
        String[] describe = run("describe", data.toString(), "--label", "kind", "--positive", "fraud", "--drop", "note",
                "--missing", "drop", "--shift-labels", "2");
        assertThat(describe[0]).as(describe[2]).isEqualTo("0");
        assertThat(describe[1]).contains("4 rows, 2 feature columns");
        // describe counts missing values rather than refusing them (issue #21); training refuses them
        String[] counted = run("describe", data.toString(), "--label", "kind", "--positive", "fraud");
        assertThat(counted[0]).as(counted[2]).isEqualTo("0");
        assertThat(counted[1]).contains("6 rows, 3 feature columns").contains("2 missing values in 2 columns");
        String[] refused = run("train", data.toString(), "--label", "kind", "--positive", "fraud", "--model", "logistic",
                "--out", dir.resolve("events.model").toString());
        assertThat(refused[0]).isEqualTo("65");
        assertThat(refused[2]).contains("line 2, column 'a': missing value");
    }

    private static DataOptions options(Path data, List<String> drop, MissingPolicy missing, int shiftLabels) {
        return new DataOptions(data, Optional.empty(), true, Optional.empty(), Optional.of("kind"), Optional.of("fraud"),
                drop, List.of(), List.of(), missing, shiftLabels);
    }
}
