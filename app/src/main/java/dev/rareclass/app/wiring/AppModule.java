package dev.rareclass.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.rareclass.adapters.AdaptersModule;
import dev.rareclass.dl4j.Dl4jModule;
import dev.rareclass.domain.experiment.Experiment;
import dev.rareclass.domain.experiment.ResampleUseCase;
import dev.rareclass.domain.experiment.RunUseCase;
import dev.rareclass.domain.experiment.TuneUseCase;
import dev.rareclass.domain.port.RecipeStore;
import dev.rareclass.domain.experiment.DescribeUseCase;
import dev.rareclass.domain.experiment.EvaluateUseCase;
import dev.rareclass.domain.experiment.PipelineFitter;
import dev.rareclass.domain.experiment.PredictUseCase;
import dev.rareclass.domain.experiment.ScoreUseCase;
import dev.rareclass.domain.experiment.TrainUseCase;
import dev.rareclass.domain.model.TrainerCatalog;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.ResultSink;
import dev.rareclass.domain.port.TableSource;
import dev.rareclass.domain.sampling.SamplerCatalog;
import dev.rareclass.domain.sampling.SamplerFactory;
import com.google.inject.multibindings.MapBinder;
import dev.rareclass.smile.SmileModule;

/**
 * The whole application: adapters, every backend, and the domain's use cases. Backends register their
 * trainers and codecs by name; nothing here depends on which ones exist.
 */
public final class AppModule extends AbstractModule {

    @Override
    protected void configure() {
        install(new AdaptersModule());
        install(new SmileModule());
        install(new Dl4jModule());
        bind(TrainerCatalog.class).to(GuiceTrainerCatalog.class);
        bind(SamplerCatalog.class).to(GuiceSamplerCatalog.class);
        // declared here so the map exists even before any backend contributes a sampler
        MapBinder.newMapBinder(binder(), String.class, SamplerFactory.class);
    }

    @Provides
    PipelineFitter fitter(TrainerCatalog catalog, SamplerCatalog samplers) {
        return new PipelineFitter(catalog, samplers);
    }

    @Provides
    TrainUseCase train(TableSource tables, ModelStore store, PipelineFitter fitter) {
        return new TrainUseCase(tables, store, fitter);
    }

    @Provides
    EvaluateUseCase evaluate(TableSource tables, ModelStore store) {
        return new EvaluateUseCase(tables, store);
    }

    @Provides
    PredictUseCase predict(TableSource tables, ModelStore store, ResultSink sink) {
        return new PredictUseCase(tables, store, sink);
    }

    @Provides
    ScoreUseCase score(TableSource tables) {
        return new ScoreUseCase(tables);
    }

    @Provides
    DescribeUseCase describe(TableSource tables) {
        return new DescribeUseCase(tables);
    }

    @Provides
    ResampleUseCase resample(TableSource tables, SamplerCatalog samplers, ResultSink sink) {
        return new ResampleUseCase(tables, samplers, sink);
    }

    @Provides
    Experiment experiment(PipelineFitter fitter) {
        return new Experiment(fitter);
    }

    @Provides
    TuneUseCase tune(Experiment experiment, PipelineFitter fitter) {
        return new TuneUseCase(experiment, fitter);
    }

    @Provides
    RunUseCase run(TableSource tables, Experiment experiment, TuneUseCase tune, ResultSink sink, ModelStore store,
                   RecipeStore recipes) {
        return new RunUseCase(tables, experiment, tune, sink, store, recipes);
    }
}
