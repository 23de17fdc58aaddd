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

    @Test
    void theApplicationsBindings() {
        TrainerCatalog c = Guice.createInjector(new AppModule()).getInstance(TrainerCatalog.class);
        assertThat(find(c, "gradient-boosting")).isEqualTo("gradient-boosting@xgboost");
        assertThat(find(c, "logistic")).isEqualTo("logistic@smile");
        assertThat(find(c, "mlp")).isEqualTo("mlp@dl4j");
        assertThat(find(c, "random-forest")).isEqualTo("random-forest@smile");
    }

    /** With gradient-boosting@smile and mlp@smile bound too, the kinds keep their preferred backends. */
    @Test
    void gradientBoostingMeansXgboostWhenSmileHasItToo() {
        TrainerCatalog c = catalog("gradient-boosting@smile", "gradient-boosting@xgboost", "logistic@dl4j",
                "logistic@smile", "logistic@xgboost", "random-forest@xgboost", "random-forest@smile", "mlp@dl4j",
                "mlp@smile");
        assertThat(find(c, "gradient-boosting")).isEqualTo("gradient-boosting@xgboost");
        assertThat(find(c, "gradient-boosting@smile")).isEqualTo("gradient-boosting@smile");
        assertThat(find(c, "logistic")).isEqualTo("logistic@smile");
        assertThat(find(c, "random-forest")).isEqualTo("random-forest@smile");
        assertThat(find(c, "mlp")).isEqualTo("mlp@dl4j");
        assertThat(find(c, "mlp@smile")).isEqualTo("mlp@smile");
    }

    @Test
    void aPreferredBackendThatIsNotBoundFallsBackToTheGeneralOrder() {
        assertThat(find(catalog("gradient-boosting@smile"), "gradient-boosting")).isEqualTo("gradient-boosting@smile");
        assertThat(find(catalog("logistic@dl4j", "logistic@xgboost"), "logistic")).isEqualTo("logistic@dl4j");
        assertThat(GuiceTrainerCatalog.rank("gradient-boosting", "xgboost")).isLessThan(GuiceTrainerCatalog.rank("gradient-boosting", "smile"));
        assertThat(GuiceTrainerCatalog.rank("logistic", "smile")).isLessThan(GuiceTrainerCatalog.rank("logistic", "dl4j"));
    }
}
