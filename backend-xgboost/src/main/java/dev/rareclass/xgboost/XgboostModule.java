package dev.rareclass.xgboost;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.rareclass.domain.model.ModelCodec;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.TrainerFactory;

/**
 * Registers {@code gradient-boosting@xgboost} and the codec under {@code xgboost}. Binding only names classes:
 * nothing here, nor in constructing the factory or the codec, loads XGBoost's native library.
 */
public final class XgboostModule extends AbstractModule {

    /** The backend's name in {@code kind@backend} and in saved models' manifests. */
    public static final String NAME = "xgboost";

    @Override
    protected void configure() {
        MapBinder<String, TrainerFactory> trainers = MapBinder.newMapBinder(binder(), String.class, TrainerFactory.class);
        trainers.addBinding(ModelId.of(GradientBoostingFactory.KIND, NAME).toString()).to(GradientBoostingFactory.class);
        MapBinder<String, ModelCodec> codecs = MapBinder.newMapBinder(binder(), String.class, ModelCodec.class);
        codecs.addBinding(NAME).to(XgboostModelCodec.class);
    }
}
