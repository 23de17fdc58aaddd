package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PRODUCT.md §7: a network's report draws its learning curves, training and validation loss and metrics per epoch.
 * The model train saves is refit on every row, without validation rows, so its own history is the training loss
 * alone; the first fit's history, whose validation rows chose the threshold and the epochs, is kept beside it
 * ({@code first_fit_history}) and drawn.
 */
class FirstFitLearningCurveTest {

    @TempDir
    Path dir;

    @Test
    void aNetworksModelKeepsItsFirstFitsValidationCurvesAndItsReportDrawsThem() throws IOException {
        Path data = GeneratedCsv.write(dir.resolve("t.csv"), 400, 6, 3, 0.2, 5, "a,b,c,d,e,f,event", "yes", "no");
        Path model = dir.resolve("m.model");
        CliRun train = CliRun.of("train", data.toString(), "--label", "event", "--positive", "yes", "--model", "mlp@dl4j",
                "--param", "epochs=6", "--param", "hidden=4", "--out", model.toString(), "--report",
                dir.resolve("r.html").toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        JsonNode manifest = manifest(model);
        JsonNode first = manifest.path("first_fit_history");
        assertThat(first.path("epochs")).hasSize(6);
        first.path("epochs").forEach(e -> assertThat(e.has("loss") && e.has("val_loss") && e.has("val_pr_auc"))
                .as(e.toString()).isTrue());
        // the refit's own history: as many epochs as the first fit kept, the training loss alone
        JsonNode refit = manifest.path("history").path("epochs");
        assertThat(refit).hasSize(first.path("best_epoch").asInt());
        refit.forEach(e -> assertThat(e.has("val_loss")).isFalse());
        String html = Files.readString(dir.resolve("r.html"));
        assertThat(html).contains("Training and validation loss per epoch of the first fit")
                .contains("Validation metrics per epoch");
        CliRun inspect = CliRun.of("inspect", model.toString());
        assertThat(inspect.out()).contains("learning curve").contains("of the first fit, with validation rows: 6 epochs");

        // one fit on every row, without validation rows: no first fit to keep
        Path once = dir.resolve("once.model");
        CliRun single = CliRun.of("train", data.toString(), "--label", "event", "--positive", "yes", "--model",
                "mlp@dl4j", "--param", "epochs=3", "--param", "hidden=4", "--validation-split", "0", "--threshold", "0.5",
                "--out", once.toString());
        assertThat(single.exitCode()).as(single.err()).isZero();
        assertThat(manifest(once).has("first_fit_history")).isFalse();
        assertThat(manifest(once).path("history").path("epochs")).hasSize(3);
    }

    private static JsonNode manifest(Path model) throws IOException {
        CliRun r = CliRun.of("inspect", model.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }
}
