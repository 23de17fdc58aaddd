package dev.rareclass.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import dev.rareclass.adapters.AdaptersModule;
import dev.rareclass.dl4j.Dl4jModule;
import dev.rareclass.domain.experiment.Experiment;
import dev.rareclass.domain.experiment.PipelineFitter;
import dev.rareclass.domain.model.TrainerCatalog;
import dev.rareclass.domain.port.ClusterEngines;
import dev.rareclass.domain.port.LibraryVersions;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.Outputs;
import dev.rareclass.domain.port.RecipeStore;
import dev.rareclass.domain.port.ReportSink;
import dev.rareclass.domain.port.ResultSink;
import dev.rareclass.domain.port.TableSource;
import dev.rareclass.domain.sampling.SamplerCatalog;
import dev.rareclass.domain.sampling.SamplerFactory;
import dev.rareclass.domain.service.ClusterModelService;
import dev.rareclass.domain.service.DescribeService;
import dev.rareclass.domain.service.EvaluateService;
import dev.rareclass.domain.service.ExplainService;
import dev.rareclass.domain.service.ExperimentService;
import dev.rareclass.domain.service.InspectService;
import dev.rareclass.domain.service.PredictService;
import dev.rareclass.domain.service.ResampleService;
import dev.rareclass.domain.service.ScoreService;
import dev.rareclass.domain.service.TrainService;
import dev.rareclass.domain.usecase.ClusterModelUseCase;
import dev.rareclass.domain.usecase.DescribeUseCase;
import dev.rareclass.domain.usecase.EvaluateUseCase;
import dev.rareclass.domain.usecase.ExplainUseCase;
import dev.rareclass.domain.usecase.ExperimentUseCase;
import dev.rareclass.domain.usecase.InspectUseCase;
import dev.rareclass.domain.usecase.PredictUseCase;
import dev.rareclass.domain.usecase.ResampleUseCase;
import dev.rareclass.domain.usecase.ScoreUseCase;
import dev.rareclass.domain.usecase.TrainUseCase;
import dev.rareclass.smile.SmileModule;
import dev.rareclass.xgboost.XgboostModule;

/**
 * The whole application: adapters, every backend, and the domain's use cases behind their incoming ports.
 * Backends register their trainers, samplers and codecs by name; nothing here depends on which ones exist.
 * The domain's services are plain classes (the domain knows no Guice), so they are made here.
 */
public final class AppModule extends AbstractModule {

    @Override
    protected void configure() {
        install(new AdaptersModule());
        install(new SmileModule());
        install(new Dl4jModule());
        install(new XgboostModule());
        bind(TrainerCatalog.class).to(GuiceTrainerCatalog.class);
        bind(SamplerCatalog.class).to(GuiceSamplerCatalog.class);
        bind(LibraryVersions.class).to(JarVersions.class);
        bind(ClusterEngines.class).to(InstalledEngines.class);
        // declared here so the map exists even before any backend contributes a sampler
        MapBinder.newMapBinder(binder(), String.class, SamplerFactory.class);
    }

    @Provides
    @Singleton
    PipelineFitter fitter(TrainerCatalog catalog, SamplerCatalog samplers) {
        return new PipelineFitter(catalog, samplers);
    }

    @Provides
    Experiment experiment(PipelineFitter fitter) {
        return new Experiment(fitter);
    }

    @Provides
    TrainUseCase train(TableSource tables, ModelStore store, PipelineFitter fitter, ReportSink reports,
                       Outputs outputs) {
        return new TrainService(tables, store, fitter, reports, outputs);
    }

    @Provides
    EvaluateUseCase evaluate(TableSource tables, ModelStore store, ResultSink sink, ReportSink reports,
                             Outputs outputs) {
        return new EvaluateService(tables, store, sink, reports, outputs);
    }

    @Provides
    PredictUseCase predict(TableSource tables, ModelStore store, ResultSink sink, Outputs outputs) {
        return new PredictService(tables, store, sink, outputs);
    }

    @Provides
    ClusterModelUseCase clusterModels(ClusterEngines clusters, ResultSink sink, Outputs outputs) {
        return new ClusterModelService(clusters, sink, outputs);
    }

    @Provides
    ScoreUseCase score(TableSource tables) {
        return new ScoreService(tables);
    }

    @Provides
    DescribeUseCase describe(TableSource tables) {
        return new DescribeService(tables);
    }

    @Provides
    ResampleUseCase resample(TableSource tables, SamplerCatalog samplers, ResultSink sink, Outputs outputs) {
        return new ResampleService(tables, samplers, sink, outputs);
    }

    @Provides
    ExplainUseCase explain(TableSource tables, ModelStore store, ReportSink reports, Outputs outputs) {
        return new ExplainService(tables, store, reports, outputs);
    }

    @Provides
    InspectUseCase inspect(ModelStore store, ClusterEngines clusters) {
        return new InspectService(store, clusters);
    }

    @Provides
    ExperimentUseCase experiment(TableSource tables, Experiment engine, PipelineFitter fitter, ResultSink sink,
                                 ReportSink reports, ModelStore store, RecipeStore recipes, LibraryVersions versions,
                                 Outputs folders, ClusterEngines clusters) {
        return new ExperimentService(tables, engine, fitter, sink, reports, store, recipes, versions, folders, clusters);
    }
}
