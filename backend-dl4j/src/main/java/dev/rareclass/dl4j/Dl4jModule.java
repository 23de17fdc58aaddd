package dev.rareclass.dl4j;

import dev.rareclass.domain.model.ModelId;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.rareclass.domain.model.ModelCodec;
import dev.rareclass.domain.model.TrainerFactory;

/**
 * Registers the DL4J trainers under {@code kind@dl4j} and the codec under {@code dl4j}. Binding only names
 * classes: nothing here, nor in constructing the factories or the codec, loads ND4J or its natives.
 */
public final class Dl4jModule extends AbstractModule {

    /** The backend's name in {@code kind@backend} and in saved models' manifests. */
    public static final String NAME = "dl4j";

    @Override
    protected void configure() {
        MapBinder<String, TrainerFactory> trainers = MapBinder.newMapBinder(binder(), String.class, TrainerFactory.class);
        trainers.addBinding(ModelId.of(MlpTrainerFactory.KIND, NAME).toString()).to(MlpTrainerFactory.class);
        trainers.addBinding(ModelId.of(LogisticNetworkFactory.KIND, NAME).toString()).to(LogisticNetworkFactory.class);
        trainers.addBinding(ModelId.of(AutoencoderTrainerFactory.KIND, NAME).toString()).to(AutoencoderTrainerFactory.class);
        MapBinder<String, ModelCodec> codecs = MapBinder.newMapBinder(binder(), String.class, ModelCodec.class);
        codecs.addBinding(NAME).to(Dl4jModelCodec.class);
    }
}
