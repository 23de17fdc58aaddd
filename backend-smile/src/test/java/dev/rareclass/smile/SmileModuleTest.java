package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.rareclass.domain.model.ModelCodec;
import dev.rareclass.domain.model.TrainerFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmileModuleTest {

    @Test
    void bindsBothTrainersUnderKindAtSmileAndTheCodecUnderSmile() {
        Injector injector = Guice.createInjector(new SmileModule());
        Map<String, TrainerFactory> trainers = injector.getInstance(Key.get(new TypeLiteral<Map<String, TrainerFactory>>() { }));
        Map<String, ModelCodec> codecs = injector.getInstance(Key.get(new TypeLiteral<Map<String, ModelCodec>>() { }));

        assertThat(trainers).containsOnlyKeys("logistic@smile", "random-forest@smile", "decision-tree@smile",
                "gradient-boosting@smile", "adaboost@smile", "knn@smile", "svm@smile", "mlp@smile",
                "balanced-random-forest@smile", "balanced-bagging@smile", "easy-ensemble@smile", "rus-boost@smile");
        trainers.forEach((name, f) -> assertThat(f.kind() + "@" + f.backend()).isEqualTo(name));
        assertThat(codecs).containsOnlyKeys(SmileModule.NAME);
        assertThat(codecs.get("smile").backend()).isEqualTo("smile");
    }
}
