package dev.rareclass.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.TrainerCatalog;
import dev.rareclass.domain.model.TrainerFactory;
import jakarta.inject.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which backend a kind without one means. */
class GuiceTrainerCatalogTest {

    record Fake(String kind, String backend) implements TrainerFactory {
        @Override
        public Set<String> parameterNames() {
            return Set.of();
        }

        @Override
        public boolean supportsClassWeights() {
            return false;
        }

        @Override
        public ClassifierTrainer create(Hyperparameters params) {
            throw new UnsupportedOperationException();
        }
    }

    private static TrainerCatalog catalog(String... models) {
        Map<String, Provider<TrainerFactory>> trainers = new LinkedHashMap<>();
        for (String m : models) {
            ModelId id = ModelId.parse(m);
            Fake f = new Fake(id.kind(), id.backend().orElseThrow());
            trainers.put(m, () -> f);
        }
        return new GuiceTrainerCatalog(trainers, Map.of());
    }

    private static String find(TrainerCatalog c, String kind) {
        return c.find(ModelId.parse(kind)).id().toString();
    }

    /** Asserts, for each pair of {@code asked, found}, that the catalog resolves the first to the second. */
    private static void assertFinds(TrainerCatalog c, String... askedThenFound) {
        for (int i = 0; i < askedThenFound.length; i += 2) {
            assertThat(find(c, askedThenFound[i])).isEqualTo(askedThenFound[i + 1]);
        }
    }

    @Test
    void theApplicationsBindings() {
        TrainerCatalog c = Guice.createInjector(new AppModule()).getInstance(TrainerCatalog.class);
        assertFinds(c, "gradient-boosting", "gradient-boosting@xgboost", "logistic", "logistic@smile", "mlp", "mlp@dl4j",
                "random-forest", "random-forest@smile");
    }

    /** Once gradient-boosting@smile is bound too (another branch adds it), the key still means xgboost. */
    @Test
    void gradientBoostingMeansXgboostWhenSmileHasItToo() {
        TrainerCatalog c = catalog("gradient-boosting@smile", "gradient-boosting@xgboost", "logistic@dl4j",
                "logistic@smile", "logistic@xgboost", "random-forest@xgboost", "random-forest@smile", "mlp@dl4j",
                "mlp@smile");
        assertFinds(c, "gradient-boosting", "gradient-boosting@xgboost", "gradient-boosting@smile",
                "gradient-boosting@smile", "logistic", "logistic@smile", "random-forest", "random-forest@smile", "mlp",
                "mlp@dl4j");
    }

    @Test
    void aPreferredBackendThatIsNotBoundFallsBackToTheGeneralOrder() {
        assertThat(find(catalog("gradient-boosting@smile"), "gradient-boosting")).isEqualTo("gradient-boosting@smile");
        assertThat(find(catalog("logistic@dl4j", "logistic@xgboost"), "logistic")).isEqualTo("logistic@dl4j");
        assertThat(GuiceTrainerCatalog.rank("gradient-boosting", "xgboost")).isLessThan(GuiceTrainerCatalog.rank("gradient-boosting", "smile"));
        assertThat(GuiceTrainerCatalog.rank("logistic", "smile")).isLessThan(GuiceTrainerCatalog.rank("logistic", "dl4j"));
    }
}
