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
        for (SmileTrainerFactory trainer : SmileTrainers.all()) {
            trainers.addBinding(ModelId.of(trainer.kind(), NAME).toString()).toInstance(trainer);
        }

        MapBinder<String, ModelCodec> codecs = MapBinder.newMapBinder(binder(), String.class, ModelCodec.class);
        codecs.addBinding(NAME).to(SmileModelCodec.class);

        MapBinder<String, SamplerFactory> samplers = MapBinder.newMapBinder(binder(), String.class, SamplerFactory.class);
        for (SmileSamplerFactory sampler : SmileSamplerFactory.all()) {
            samplers.addBinding(sampler.name()).toInstance(sampler);
        }
    }
}
