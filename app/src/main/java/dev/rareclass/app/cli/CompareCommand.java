package dev.rareclass.app.cli;

import dev.rareclass.domain.experiment.Candidate;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.TrainerCatalog;
import dev.rareclass.domain.usecase.ExperimentUseCase;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rareclass compare}: an honest leaderboard of models × samplers × class weights. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Cross-validate models x samplers x class weights on the same splits and print a leaderboard "
                + "(mean ± std over splits; the values alone after one split, --holdout or --time-split), marking rows significantly worse than the best "
                + "(Nadeau-Bengio corrected resampled t-test, alpha 0.05).",
                "In every split the preprocessing, sampler, model and threshold are fitted on the training part only."})
final class CompareCommand extends ExperimentCommand {

    @Mixin
    Inputs.Table table;

    @Option(names = "--models", split = ",", defaultValue = "logistic,random-forest,mlp@dl4j", paramLabel = "KIND[@BACKEND]",
            completionCandidates = Candidates.Models.class,
            description = "Models to compare, comma-separated: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; "
                    + "with --engine spark: logistic, random-forest, mlp on Spark).")
    List<String> models = new ArrayList<>();

    @Option(names = "--param", paramLabel = "[KIND.]KEY=VALUE",
            description = "A model parameter; KIND.KEY=VALUE (such as mlp.hidden=32,32) applies to one kind, "
                    + "KIND@BACKEND.KEY=VALUE (mlp@dl4j.epochs=50) to that model as --models names it, KEY=VALUE to all "
                    + "(repeatable).")
    List<String> params = new ArrayList<>();

    @Mixin
    RebalancingOptions.Several rebalancing;

    @Mixin
    ExperimentOptions experiment;

    @Mixin
    Inputs.ResultsFolder results;

    @Mixin
    EngineOptions engine;

    @Inject
    TrainerCatalog catalog;

    @Override
    public Integer call() {
        boolean onCluster = engine.onCluster();
        ExperimentUseCase.Data data = onCluster
                ? new ExperimentUseCase.OnCluster(table.toDomain(), engine.settings(common.verbose))
                : new ExperimentUseCase.FromFile(table.toDomain());
        if (onCluster && !spec.commandLine().getParseResult().hasMatchedOption("--models")) {
            // the default models, each on the engine's own backend
            models = models.stream().map(m -> ModelId.parse(m).kind()).toList();
        }
        if (!onCluster) {
            requireEveryModelTakes(models, params, id -> catalog.find(id).parameterNames());
        }
        var request = ExperimentUseCase.Request.compare("Comparison on " + table.data.getFileName(), data,
                experiment.toPlan(candidates(models, params), rebalancing, table.missing()), experiment.jobs(),
                results.request());
        return show(request);
    }

    /**
     * Models with their parameters: {@code kind.key=value} goes to every model of that kind, {@code
     * kind@backend.key=value} to that model as {@code --models} names it (logistic and logistic@dl4j take different
     * parameters), {@code key=value} to every model.
     */
    static List<Candidate> candidates(List<String> models, List<String> params) {
        List<Candidate> out = new ArrayList<>();
        Hyperparameters given = Hyperparameters.parse(params);
        List<ModelId> ids = models.stream().map(ModelId::parse).toList();
        for (String key : given.asMap().keySet()) {
            int dot = key.indexOf('.');
            if (dot >= 0 && ids.stream().noneMatch(id -> addresses(key.substring(0, dot), id))) {
                throw new UsageException("--param " + key + "=" + given.asMap().get(key) + ": no model '"
                        + key.substring(0, dot) + "' among --models (" + String.join(", ", models) + "); name a kind "
                        + "(logistic.KEY) or a model as --models names it (logistic@dl4j.KEY)");
            }
        }
        for (String model : models) {
            Candidate c = Candidate.parse(model, Hyperparameters.empty());
            ModelId id = ModelId.parse(model);
            Map<String, String> own = new LinkedHashMap<>();
            Map<String, String> givenAs = new LinkedHashMap<>(); // each parameter of this model: the --param that set it
            for (Map.Entry<String, String> p : given.asMap().entrySet()) {
                String key = p.getKey();
                int dot = key.indexOf('.');
                if (dot >= 0 && !addresses(key.substring(0, dot), id)) {
                    continue;
                }
                String name = key.substring(dot + 1);
                String before = own.put(name, p.getValue());
                if (before != null && !before.equals(p.getValue())) {
                    // the later one won: --param k=5 --param knn.k=3 and the same two the other way round differed
                    throw new UsageException("--param " + givenAs.get(name) + "=" + before + " and --param " + key + "="
                            + p.getValue() + " both set " + name + " of " + model + "; give it once");
                }
                givenAs.putIfAbsent(name, key);
            }
            out.add(c.withParams(Hyperparameters.of(own)));
        }
        return out;
    }

    /**
     * Refuses a {@code --param KEY=VALUE} without a prefix, which goes to every model, when some of the models take
     * KEY and others do not, naming the prefixed form that gives it to those that take it: {@code --models
     * logistic,random-forest --param trees=20} was refused as "unknown parameter 'trees' for logistic@smile", true
     * but no help to a user who meant the forest. A key no model takes is left to each model's own refusal.
     *
     * @param names the parameters a model takes; a model that is not found is left to the usual refusal
     */
    static void requireEveryModelTakes(List<String> models, List<String> params,
                                       java.util.function.Function<ModelId, java.util.Set<String>> names) {
        Map<String, java.util.Set<String>> takes = new LinkedHashMap<>();
        for (String model : models) {
            try {
                takes.put(model, names.apply(ModelId.parse(model)));
            } catch (UsageException e) {
                return; // an unknown model: refused as such when the plan is made
            }
        }
        Hyperparameters given = Hyperparameters.parse(params);
        for (Map.Entry<String, String> p : given.asMap().entrySet()) {
            String key = p.getKey();
            if (key.indexOf('.') >= 0) {
                continue;
            }
            List<String> with = models.stream().filter(m -> takes.get(m).contains(key)).toList();
            List<String> without = models.stream().filter(m -> !takes.get(m).contains(key)).toList();
            if (!with.isEmpty() && !without.isEmpty()) {
                throw new UsageException("--param " + key + "=" + p.getValue() + " goes to every model of --models, and "
                        + String.join(", ", without) + (without.size() == 1 ? " takes" : " take") + " no '" + key
                        + "': give it to " + (with.size() == 1 ? "the one that takes it" : "those that take it")
                        + " as " + String.join(" ", with.stream().map(m -> "--param " + m + "." + key + "="
                        + p.getValue()).toList()));
            }
        }
    }

    /** Whether a parameter's prefix names this model: its kind, or its kind and backend as --models wrote them. */
    private static boolean addresses(String prefix, ModelId id) {
        return prefix.equals(id.kind()) || prefix.equals(id.toString()) && id.backend().isPresent();
    }
}
