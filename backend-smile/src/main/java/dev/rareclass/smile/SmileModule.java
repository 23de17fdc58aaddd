package dev.rareclass.smile;

import dev.rareclass.domain.model.ModelId;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.rareclass.domain.model.ModelCodec;
import dev.rareclass.domain.model.TrainerFactory;
import dev.rareclass.domain.sampling.SamplerFactory;
import dev.rareclass.smile.sampling.SmileSamplerFactory;

/**
 * Registers the Smile trainers under {@code kind@smile} and the Smile model codec under {@code smile}.
 * Binding only: no native code is loaded and nothing is trained here.
 */
public final class SmileModule extends AbstractModule {

    /** The backend's name, as it appears in {@code kind@backend} and in model manifests. */
    public static final String NAME = "smile";

    @Override
    protected void configure() {
        MapBinder<String, TrainerFactory> trainers = MapBinder.newMapBinder(binder(), String.class, TrainerFactory.class);
        trainers.addBinding(ModelId.of(LogisticRegressionFactory.KIND, NAME).toString()).to(LogisticRegressionFactory.class);
        trainers.addBinding(ModelId.of(RandomForestFactory.KIND, NAME).toString()).to(RandomForestFactory.class);
        trainers.addBinding(ModelId.of(DecisionTreeFactory.KIND, NAME).toString()).to(DecisionTreeFactory.class);
        trainers.addBinding(ModelId.of(GradientBoostingFactory.KIND, NAME).toString()).to(GradientBoostingFactory.class);
        trainers.addBinding(ModelId.of(AdaBoostFactory.KIND, NAME).toString()).to(AdaBoostFactory.class);
        trainers.addBinding(ModelId.of(KnnFactory.KIND, NAME).toString()).to(KnnFactory.class);
        trainers.addBinding(ModelId.of(SvmFactory.KIND, NAME).toString()).to(SvmFactory.class);
        trainers.addBinding(ModelId.of(MlpFactory.KIND, NAME).toString()).to(MlpFactory.class);

        MapBinder<String, ModelCodec> codecs = MapBinder.newMapBinder(binder(), String.class, ModelCodec.class);
        codecs.addBinding(NAME).to(SmileModelCodec.class);

        MapBinder<String, SamplerFactory> samplers = MapBinder.newMapBinder(binder(), String.class, SamplerFactory.class);
        for (SmileSamplerFactory sampler : SmileSamplerFactory.all()) {
            samplers.addBinding(sampler.name()).toInstance(sampler);
        }
    }
}
