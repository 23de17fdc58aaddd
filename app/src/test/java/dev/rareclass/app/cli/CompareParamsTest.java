package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.UsageException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which models of a comparison a {@code --param} reaches: every one, one kind, or one model as --models names it. */
class CompareParamsTest {

    private static Map<String, String> params(List<dev.rareclass.domain.experiment.Candidate> c, int i) {
        return c.get(i).params().asMap();
    }

    @Test
    void aKindAndBackendPrefixReachesThatModelOnly() {
        // logistic@dl4j's epochs could not be set beside logistic@smile: logistic.epochs reached both (and Smile has
        // no epochs), logistic@dl4j.epochs was "no model of kind 'logistic@dl4j'"
        var c = CompareCommand.candidates(List.of("logistic", "logistic@dl4j", "mlp@smile", "mlp@dl4j"),
                List.of("logistic@dl4j.epochs=50", "mlp.hidden=8", "mlp@dl4j.epochs=10", "seed=3"));
        assertThat(params(c, 0)).containsExactly(Map.entry("seed", "3"));
        assertThat(params(c, 1)).containsOnly(Map.entry("epochs", "50"), Map.entry("seed", "3"));
        assertThat(params(c, 2)).containsOnly(Map.entry("hidden", "8"), Map.entry("seed", "3"));
        assertThat(params(c, 3)).containsOnly(Map.entry("hidden", "8"), Map.entry("epochs", "10"),
                Map.entry("seed", "3"));
    }

    @Test
    void aPrefixNamingNoModelIsRefusedListingTheModelsAsGiven() {
        assertThatThrownBy(() -> CompareCommand.candidates(List.of("logistic", "logistic@dl4j"),
                List.of("logistic@xgboost.epochs=5")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--param logistic@xgboost.epochs=5: no model 'logistic@xgboost' among --models (logistic, "
                        + "logistic@dl4j); name a kind (logistic.KEY) or a model as --models names it "
                        + "(logistic@dl4j.KEY)");
        // a model named without its backend is reached by its kind, not by a backend it was not given
        assertThatThrownBy(() -> CompareCommand.candidates(List.of("logistic"), List.of("logistic@smile.lambda=1")))
                .isInstanceOf(UsageException.class).hasMessageContaining("no model 'logistic@smile'");
    }

    @Test
    void twoValuesForOneParameterOfAModelAreRefusedWhicheverComesFirst() {
        // the later --param won: k=5 then knn.k=3 fitted k=3, and the same two the other way round k=5
        assertThatThrownBy(() -> CompareCommand.candidates(List.of("knn", "logistic"), List.of("seed=5", "knn.seed=3")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--param seed=5 and --param knn.seed=3 both set seed of knn; give it once");
        assertThatThrownBy(() -> CompareCommand.candidates(List.of("knn", "logistic"), List.of("knn.seed=3", "seed=5")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--param knn.seed=3 and --param seed=5 both set seed of knn; give it once");
        assertThatThrownBy(() -> CompareCommand.candidates(List.of("mlp@dl4j"), List.of("mlp.hidden=8", "mlp@dl4j.hidden=16")))
                .isInstanceOf(UsageException.class).hasMessageContaining("both set hidden of mlp@dl4j");
        // the same value twice is harmless, as --param k=3 --param k=3 is
        var c = CompareCommand.candidates(List.of("knn", "logistic"), List.of("seed=5", "knn.seed=5", "logistic.lambda=2"));
        assertThat(params(c, 0)).containsExactly(Map.entry("seed", "5"));
        assertThat(params(c, 1)).containsOnly(Map.entry("seed", "5"), Map.entry("lambda", "2"));
    }

    /**
     * A --param without a prefix goes to every model: when some take it and others do not, the refusal names the
     * prefixed form, where the first model without it refused it alone ("unknown parameter 'trees' for
     * logistic@smile"). A key no model takes is left to the models' own refusal, as is an unknown model.
     */
    @Test
    void aParameterSomeModelsTakeIsRefusedNamingTheFormThatReachesThem() {
        java.util.function.Function<dev.rareclass.domain.model.ModelId, java.util.Set<String>> names = id ->
                switch (id.kind()) {
                    case "logistic" -> java.util.Set.of("lambda", "seed");
                    case "random-forest", "balanced-random-forest" -> java.util.Set.of("trees", "max-depth", "seed");
                    default -> throw new UsageException("unknown model " + id);
                };
        assertThatThrownBy(() -> CompareCommand.requireEveryModelTakes(List.of("logistic", "random-forest"),
                List.of("trees=20"), names))
                .isInstanceOf(UsageException.class)
                .hasMessage("--param trees=20 goes to every model of --models, and logistic takes no 'trees': give it "
                        + "to the one that takes it as --param random-forest.trees=20");
        assertThatThrownBy(() -> CompareCommand.requireEveryModelTakes(List.of("logistic", "random-forest@smile",
                "balanced-random-forest"), List.of("seed=1", "max-depth=4"), names))
                .isInstanceOf(UsageException.class)
                .hasMessage("--param max-depth=4 goes to every model of --models, and logistic takes no 'max-depth': "
                        + "give it to those that take it as --param random-forest@smile.max-depth=4 --param "
                        + "balanced-random-forest.max-depth=4");
        // taken by every model, prefixed, taken by none, or a model unknown: not this refusal's to make
        CompareCommand.requireEveryModelTakes(List.of("logistic", "random-forest"),
                List.of("seed=1", "random-forest.trees=20", "nothing=1"), names);
        CompareCommand.requireEveryModelTakes(List.of("logistic", "svm"), List.of("trees=20"), names);
    }
}
