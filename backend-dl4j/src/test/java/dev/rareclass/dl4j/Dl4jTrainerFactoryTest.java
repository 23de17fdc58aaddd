package dev.rareclass.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainerFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three kinds declared on {@link Dl4jTrainerFactory}: what each says of itself and the trainer it makes. */
class Dl4jTrainerFactoryTest {

    @Test
    void eachKindDescribesItselfAsBefore() {
        assertKind(new MlpTrainerFactory(), "mlp", MlpParams.MLP_NAMES.size(), false);
        assertKind(new LogisticNetworkFactory(), "logistic", MlpParams.LOGISTIC_NAMES.size(), false);
        assertKind(new AutoencoderTrainerFactory(), "autoencoder", AutoencoderParams.NAMES.size(), true);
        assertThat(new MlpTrainerFactory().parameterNames()).isSameAs(MlpParams.MLP_NAMES);
        assertThat(new LogisticNetworkFactory().parameterNames()).isSameAs(MlpParams.LOGISTIC_NAMES);
        assertThat(new AutoencoderTrainerFactory().parameterNames()).isSameAs(AutoencoderParams.NAMES);
    }

    private static void assertKind(TrainerFactory f, String kind, int names, boolean oneClass) {
        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.backend()).isEqualTo("dl4j");
        assertThat(f.parameterNames()).hasSize(names);
        assertThat(f.readsSparseFeatures()).isTrue();
        assertThat(f.supportsClassWeights()).isEqualTo(!oneClass);
        assertThat(f.learnsFromNegativesOnly()).isEqualTo(oneClass);
    }

    @Test
    void eachKindReadsItsOwnParameters() {
        Dl4jTrainer mlp = (Dl4jTrainer) new MlpTrainerFactory().create(Hyperparameters.parse(List.of("hidden=5,3")));
        assertThat(mlp.params().hidden()).containsExactly(5, 3);
        Dl4jTrainer logistic = (Dl4jTrainer) new LogisticNetworkFactory().create(Hyperparameters.empty());
        assertThat(logistic.params().hidden()).isEmpty();
        assertThat(new AutoencoderTrainerFactory().create(Hyperparameters.empty())).isInstanceOf(AutoencoderTrainer.class);
        assertThatThrownBy(() -> new LogisticNetworkFactory().create(Hyperparameters.parse(List.of("hidden=5"))))
                .isInstanceOf(UsageException.class);
    }
}
