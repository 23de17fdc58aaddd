package dev.rareclass.app.extending;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.rareclass.app.cli.CliRun;
import dev.rareclass.app.wiring.AppModule;
import org.junit.jupiter.api.Test;

/**
 * A new binding shows up in --help, in the completion script and in error messages with no text to edit: the
 * lists come from the catalogs (cli/Candidates), not from help strings.
 */
class BindingsShowEverywhereTest {

    private final Injector plain = Guice.createInjector(new AppModule());
    private final Injector extended = Guice.createInjector(new AppModule(), new NearestCentroidExample.Module(),
            new DuplicateMinorityExample.Module(), new JsonLinesFormatExample.Module());

    private static String out(Injector injector, String... args) {
        CliRun r = CliRun.withAllCommands(injector, args);
        return r.out() + r.err();
    }

    @Test
    void helpListsWhatIsBoundAndOnlyThat() {
        String train = out(extended, "train", "--help").replaceAll("\\s+", " ");
        assertThat(train).contains("nearest-centroid").contains("example").contains("duplicate-minority").contains("jsonl")
                .contains("autoencoder").contains("smote-enn").contains("max-balanced-accuracy");
        String plainTrain = out(plain, "train", "--help").replaceAll("\\s+", " ");
        assertThat(plainTrain).doesNotContain("nearest-centroid").doesNotContain("duplicate-minority")
                .doesNotContain("jsonl").contains("random-forest");
        String compare = out(extended, "compare", "--help").replaceAll("\\s+", " ");
        assertThat(compare).contains("nearest-centroid@example").contains("mlp@dl4j").contains("pr_auc");
    }

    @Test
    void theCompletionScriptOffersTheBoundValues() {
        String script = out(extended, "completion");
        assertThat(script).contains("\"nearest-centroid\"").contains("\"duplicate-minority\"").contains("\"jsonl\"")
                .contains("\"nearest-centroid@example\"");
    }

    @Test
    void errorMessagesListTheBoundNames() {
        assertThat(out(extended, "compare", "x.csv", "--models", "nope")).contains("nearest-centroid@example");
        assertThat(out(extended, "resample", "x.csv", "--label", "y", "--positive", "1", "--sampler", "nope",
                "--out", "o.csv")).contains("duplicate-minority");
    }
}
