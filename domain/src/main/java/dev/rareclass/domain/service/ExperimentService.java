package dev.rareclass.domain.service;

import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.data.SyntheticRareEvents;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.Checksums;
import dev.rareclass.domain.experiment.DatasetSummary;
import dev.rareclass.domain.experiment.Experiment;
import dev.rareclass.domain.experiment.ExperimentPlan;
import dev.rareclass.domain.experiment.ExperimentReport;
import dev.rareclass.domain.experiment.FittedPipeline;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.experiment.PipelineFitter;
import dev.rareclass.domain.experiment.PipelineSpec;
import dev.rareclass.domain.experiment.Recipe;
import dev.rareclass.domain.experiment.ResolvedPipeline;
import dev.rareclass.domain.experiment.RunRecord;
import dev.rareclass.domain.experiment.Candidate;
import dev.rareclass.domain.experiment.SearchSpace;
import dev.rareclass.domain.experiment.Tuning;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.port.ClusterEngine;
import dev.rareclass.domain.port.ClusterEngines;
import dev.rareclass.domain.port.LibraryVersions;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.Outputs;
import dev.rareclass.domain.port.RecipeStore;
import dev.rareclass.domain.port.ReportSink;
import dev.rareclass.domain.port.ResultSink;
import dev.rareclass.domain.port.TableSource;
import dev.rareclass.domain.usecase.ExperimentUseCase;
import dev.rareclass.domain.usecase.ReportRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every experiment the same way: resolve the configurations (bad names and values fail before any data is
 * read), start the backends' warm-up, read or make the table, cross-validate ({@link Experiment}), refit the
 * best of a search when asked, write {@code leaderboard.csv} and {@code results.json}, and the report with the
 * facts the numbers depend on. A recipe run adds its manifest. The report folder, its charts and a refitted
 * model are written as a whole ({@link Outputs}): nothing of them is visible until every file is written.
 */
public record ExperimentService(TableSource tables, Experiment engine, PipelineFitter fitter, ResultSink sink,
                                ReportSink reports, ModelStore store, RecipeStore recipes,
                                LibraryVersions versions, Outputs folders, ClusterEngines clusters)
        implements ExperimentUseCase {

    @Override
    public Result run(Request request, ProgressListener progress) {
        return execute(request, Optional.empty(), (done, dir) -> { }, progress).result();
    }

    @Override
    public Result run(RecipeRequest request, ProgressListener progress) {
        RecipeStore.Loaded loaded = recipes.read(request.recipe());
        Recipe read = loaded.recipe();
        Recipe recipe = overridden(read, request);
        Optional<String> expectedSha256 = request.data().isPresent() ? Optional.empty() : loaded.expectedSha256();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("recipe", request.recipe().toString());
        Optional<Tuning> tuning = recipe.tune().map(t -> t.search().from(request.recipe() + ", tune.space"));
        Optional<Path> refit = recipe.tune().filter(Recipe.Tuning::refit)
                .map(t -> recipe.reportDir().resolve("model.rareclass"));
        Data data = recipe.engine().<Data>map(e -> new OnCluster(recipe.data(), e)).orElse(new FromFile(recipe.data()));
        Request experiment = new Request("Recipe " + recipe.name(), data, recipe.plan(), tuning,
                recipe.jobs(), new ReportRequest(Optional.of(recipe.reportDir()), request.plots()), refit, facts);
        Executed done = naming(request.recipe().toString(), () -> execute(experiment, Optional.of(sha -> {
            if (expectedSha256.isPresent() && !expectedSha256.get().equals(sha)) {
                throw new DataException(recipe.data().file() + ": the data changed since the manifest was written "
                        + "(SHA-256 " + sha.substring(0, 12) + "…, manifest " + expectedSha256.get().substring(0, 12) + "…)");
            }
        }), (ran, dir) -> recipes.writeManifest(new RunRecord(recipe, ran.sha256(), ran.started(),
                ran.result().seconds(), versions.versions(), ran.result().leaderboard()), dir), progress));
        return done.result();
    }

    /**
     * Runs work on values written in a file (a recipe, a search space), its usage errors (a model's parameter, a
     * data option) prefixed with {@code where} unless they name it already.
     */
    private static <T> T naming(String where, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (UsageException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(where) ? e
                    : new UsageException(where + ": " + e.getMessage());
        }
    }

    /** The recipe with the request's data file, report folder and jobs where it names them. */
    private static Recipe overridden(Recipe recipe, RecipeRequest request) {
        Recipe r = request.data().map(recipe.data()::withFile).map(recipe::withData).orElse(recipe);
        r = request.results().map(r::withReportDir).orElse(r);
        return request.jobs().map(r::withJobs).orElse(r);
    }

    /** What a run did, with what a manifest records beside the result. */
    private record Executed(Result result, String sha256, String started) {
    }

    /** Checks a data file's checksum before it is read (a manifest's re-run). */
    private interface ChecksumCheck {
        void check(String sha256);
    }

    /** Writes what a run adds to its report folder (a recipe's manifest) before the folder is put in place. */
    private interface FinalStep {
        void write(Executed done, Path folder);
    }

    /** A plan (a search's: less the trials skipped) and its configurations, resolved. */
    private record Resolved(ExperimentPlan plan, List<ResolvedPipeline> configs) {
    }

    /**
     * The plan's configurations resolved (a bad name or value refused before any work). A search's fixed model is
     * resolved first, so that a refusal of a trial's value is one of the space's, and says where the space was
     * written; a search's trials whose values are refused only together are left out ({@link #withoutClashingTrials}).
     */
    private Resolved resolve(Request request, ExperimentPlan plan, ProgressListener progress) {
        if (request.tuning().isEmpty()) {
            return new Resolved(plan, engine.resolve(plan, progress));
        }
        engine.resolve(request.plan(), ProgressListener.NONE);
        Tuning tuning = request.tuning().get();
        if (tuning.method() == Tuning.Method.RANDOM) { // before the draws, whose refusal would name a drawn value
            naming(tuning.source(), () -> requireWholeNumberRanges(tuning, plan));
            naming(tuning.source(), () -> requireRangesTaken(tuning, plan));
        }
        ExperimentPlan trials = naming(tuning.source(), () -> withoutClashingTrials(tuning, plan, progress));
        List<ResolvedPipeline> resolved = naming(tuning.source(), () -> engine.resolve(trials, progress));
        if (tuning.method() == Tuning.Method.RANDOM) {
            naming(tuning.source(), () -> requireEveryListedValue(tuning, trials));
        }
        return new Resolved(trials, resolved);
    }

    /**
     * The search's trials less those whose values are refused together though each is taken beside other values
     * (mlp@smile's {@code learning-rate=0.3} with {@code l2=0.5}, where each goes with smaller values of the other), with
     * one note saying how many were skipped and why the first was: a grid or a range drawn from may hold such pairs
     * without a mistake in the space, and the rest of the search still answers (as scikit-learn's searches go on past a
     * failed fit, scored NaN). A trial with a value that no trial's other values make acceptable (a mistake in the
     * space, such as {@code trees=0}) refuses the search with that trial's message, and so does a search whose every
     * trial is refused.
     */
    private ExperimentPlan withoutClashingTrials(Tuning tuning, ExperimentPlan plan, ProgressListener progress) {
        List<Candidate> kept = new java.util.ArrayList<>();
        List<Candidate> refused = new java.util.ArrayList<>();
        List<UsageException> why = new java.util.ArrayList<>();
        for (Candidate trial : plan.candidates()) {
            try {
                engine.resolve(plan.withCandidates(List.of(trial)), ProgressListener.NONE);
                kept.add(trial);
            } catch (UsageException e) {
                refused.add(trial);
                why.add(e);
            }
        }
        if (refused.isEmpty()) {
            return plan;
        }
        if (kept.isEmpty()) {
            throw why.get(0);
        }
        // a value a kept trial holds is taken (every value of a grid that is taken at all is so); another is tried in
        // place of its parameter's in the kept trials, once
        Map<String, Boolean> taken = new java.util.HashMap<>();
        kept.forEach(trial -> tuning.space().params().keySet().forEach(key ->
                taken.put(key + '\0' + trial.params().asMap().get(key), true)));
        for (int i = 0; i < refused.size(); i++) {
            for (String key : tuning.space().params().keySet()) {
                String value = refused.get(i).params().asMap().get(key);
                if (value != null && !taken.computeIfAbsent(key + '\0' + value,
                        k -> takenBesideOthers(plan, kept, key, value))) {
                    throw new UsageException(why.get(i).getMessage() + "; no trial of the search can take " + key + "="
                            + value);
                }
            }
        }
        StringBuilder values = new StringBuilder();
        tuning.space().params().keySet().forEach(key -> values.append(values.isEmpty() ? "" : " ").append(key)
                .append('=').append(refused.get(0).params().asMap().get(key)));
        // a warning, kept under --quiet: the leaderboard then holds fewer trials than the space asked for
        progress.note("warning: skipped " + refused.size() + " of " + plan.candidates().size() + " trials whose values "
                + "are each taken beside others but refused together; the first, " + values + ": "
                + why.get(0).getMessage());
        return plan.withCandidates(kept);
    }

    /** Whether {@code key=value} resolves in place of its parameter's in one of the {@code trials}. */
    private boolean takenBesideOthers(ExperimentPlan plan, List<Candidate> trials, String key, String value) {
        return refusalBesideOthers(plan, trials, key, value) == null;
    }

    /** The first trial's refusal of {@code key=value} in place of its parameter's; null when one of them takes it. */
    private UsageException refusalBesideOthers(ExperimentPlan plan, List<Candidate> trials, String key, String value) {
        UsageException first = null;
        for (Candidate trial : trials) {
            try {
                engine.resolve(plan.withCandidates(List.of(trial.withParams(trial.params().with(key, value)))),
                        ProgressListener.NONE);
                return null;
            } catch (UsageException refused) {
                first = first == null ? refused : first; // another trial's values may take it
            }
        }
        return first;
    }

    /**
     * Refuses a real-number range ({@code uniform}, {@code log-uniform}) on a parameter that takes whole numbers, before
     * any trial: every draw has decimals, so each trial would be refused, quoting a value such as {@code trees=37.4012}
     * that the space never wrote. A parameter takes whole numbers when a whole number inside the range is taken and
     * the numbers with decimals just below and above it are not (each alone beside the fixed parameters, or in place
     * of its value in a drawn trial, as {@link #requireEveryListedValue} tries): a parameter of real numbers whose
     * own range the space overshoots ({@code subsample: {uniform: [0.5, 2]}}) takes one of them.
     */
    private Void requireWholeNumberRanges(Tuning tuning, ExperimentPlan plan) {
        for (Map.Entry<String, SearchSpace.Distribution> e : tuning.space().params().entrySet()) {
            String kind;
            double low;
            double high;
            switch (e.getValue()) {
                case SearchSpace.Uniform u -> {
                    kind = "uniform";
                    low = u.low();
                    high = u.high();
                }
                case SearchSpace.LogUniform u -> {
                    kind = "log-uniform";
                    low = u.low();
                    high = u.high();
                }
                default -> {
                    continue;
                }
            }
            double first = Math.ceil(low);
            double last = Math.floor(high);
            // a whole number strictly inside the range, the nearest the middle, with numbers on both sides of it
            double whole = Math.min(Math.floor(high - Math.ulp(high)), Math.max(Math.ceil(low + Math.ulp(low)),
                    Math.rint(low / 2 + high / 2)));
            if (!(whole > low && whole < high) || Math.abs(whole) > Integer.MAX_VALUE) {
                continue; // no such number to try: the draws' own refusal says what is wrong
            }
            double step = Math.min(0.5, Math.min(whole - low, high - whole)) / 2;
            String key = e.getKey();
            if (takes(tuning, plan, key, Long.toString((long) whole))
                    && !takes(tuning, plan, key, java.math.BigDecimal.valueOf(whole - step).toPlainString())
                    && !takes(tuning, plan, key, java.math.BigDecimal.valueOf(whole + step).toPlainString())) {
                throw new UsageException(String.format(java.util.Locale.ROOT, "%s is an integer parameter, but {%s: "
                        + "[%s, %s]} draws numbers with decimals; use {int: [%d, %d]} or a list of values", key, kind,
                        Hyperparameters.written(low), Hyperparameters.written(high), (long) first, (long) last));
            }
        }
        return null;
    }


    /**
     * Refuses a range ({@code uniform}, {@code log-uniform}, {@code int}) that reaches past what its parameter takes
     * ({@code lambda: {log-uniform: [1, 1e308]}} where lambda ends at 1e38), quoting the end as written, before any
     * trial: the draws check only the values they drew, so such a space passed or failed by the seed's luck, and the
     * refusal quoted a drawn value ({@code lambda=2.52338e+228}, {@code k=-4} of {@code k: {int: [-5, -1]}}). A real
     * range's end is taken when it, or a value a billionth of the range inside it, is taken ({@code subsample:
     * {uniform: [0, 1]}} never draws 0 itself).
     */
    private Void requireRangesTaken(Tuning tuning, ExperimentPlan plan) {
        for (Map.Entry<String, SearchSpace.Distribution> e : tuning.space().params().entrySet()) {
            String written;
            double[] ends;
            double[] inside;
            switch (e.getValue()) {
                case SearchSpace.Uniform u -> {
                    written = "{uniform: [" + Hyperparameters.written(u.low()) + ", " + Hyperparameters.written(u.high())
                            + "]}";
                    double nudge = (u.high() - u.low()) * 1e-9;
                    ends = new double[] {u.low(), u.high()};
                    inside = new double[] {u.low() + nudge, u.high() - nudge};
                }
                case SearchSpace.LogUniform u -> {
                    written = "{log-uniform: [" + Hyperparameters.written(u.low()) + ", "
                            + Hyperparameters.written(u.high()) + "]}";
                    double nudge = (Math.log(u.high()) - Math.log(u.low())) * 1e-9;
                    ends = new double[] {u.low(), u.high()};
                    inside = new double[] {Math.exp(Math.log(u.low()) + nudge), Math.exp(Math.log(u.high()) - nudge)};
                }
                case SearchSpace.IntRange r -> {
                    written = "{int: [" + r.low() + ", " + r.high() + "]}";
                    ends = new double[] {r.low(), r.high()};
                    inside = ends;
                }
                default -> {
                    continue;
                }
            }
            String key = e.getKey();
            for (int i = 0; i < ends.length; i++) {
                UsageException refused = refusal(tuning, plan, key, Hyperparameters.written(ends[i]));
                if (refused != null && refusal(tuning, plan, key, Hyperparameters.written(inside[i])) != null) {
                    throw new UsageException(key + ": " + written + " reaches values " + key + " does not take: "
                            + refused.getMessage());
                }
            }
        }
        return null;
    }

    /** The drawn trials {@link #takes} tries a value in: enough to meet the values it may need beside it. */
    private static final int CONTEXTS = 32;

    /**
     * Whether {@code key=value} resolves beside the fixed parameters, or in place of its value in one of the first
     * drawn trials (all of them took 45 s to refuse a space of 100,000 trials).
     */
    private boolean takes(Tuning tuning, ExperimentPlan plan, String key, String value) {
        return refusal(tuning, plan, key, value) == null;
    }

    /** {@link #takes}' first refusal of {@code key=value}; null when it is taken. */
    private UsageException refusal(Tuning tuning, ExperimentPlan plan, String key, String value) {
        List<Candidate> contexts = new java.util.ArrayList<>();
        contexts.add(tuning.base());
        contexts.addAll(plan.candidates().subList(0, Math.min(CONTEXTS, plan.candidates().size())));
        return refusalBesideOthers(plan, contexts, key, value); // momentum needs optimizer=sgd beside it
    }

    /**
     * Refuses a value a random search's space lists as a choice that no trial could take: the draws check only the
     * values they drew, so the same space passed with one seed and failed with another. A value is taken when it
     * resolves in place of its parameter's in one of the drawn trials, whose other values keep it company
     * (momentum=0.9 needs optimizer=sgd beside it). The ends of ranges are checked before the draws
     * ({@link #requireRangesTaken}).
     */
    private Void requireEveryListedValue(Tuning tuning, ExperimentPlan plan) {
        for (Map.Entry<String, SearchSpace.Distribution> e : tuning.space().params().entrySet()) {
            List<String> values = e.getValue() instanceof SearchSpace.Choice c ? c.values() : List.of();
            for (String value : values) {
                UsageException first = null;
                boolean taken = false;
                for (Candidate trial : plan.candidates()) {
                    Map<String, String> params = new LinkedHashMap<>(trial.params().asMap());
                    params.put(e.getKey(), value);
                    try {
                        engine.resolve(plan.withCandidates(List.of(trial.withParams(Hyperparameters.of(params)))),
                                ProgressListener.NONE);
                        taken = true;
                        break;
                    } catch (UsageException refused) {
                        first = first == null ? refused : first;
                    }
                }
                if (!taken && first != null) {
                    throw first;
                }
            }
        }
        return null;
    }

    private Executed execute(Request request, Optional<ChecksumCheck> checksum, FinalStep last,
                             ProgressListener listener) {
        // every warning said from here on is kept for the results file and the report (trials left out, ...)
        List<String> warned = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        ProgressListener progress = listener.keepingWarningsIn(warned);
        long t0 = System.nanoTime();
        String started = Instant.now().toString();
        ExperimentPlan drawn = request.tuning()
                .map(t -> request.plan().withCandidates(naming(t.source(), () -> t.candidates(request.plan().seed()))))
                .orElse(request.plan());
        // a cluster engine resolves its own models, on its side
        Resolved resolved = request.data() instanceof OnCluster ? new Resolved(drawn, List.of())
                : resolve(request, drawn, progress);
        ExperimentPlan plan = resolved.plan();
        List<ResolvedPipeline> configs = resolved.configs();
        // before the checksum and the read, which the backends' loading then overlaps
        configs.stream().map(ResolvedPipeline::factory).distinct().forEach(f -> f.warmUp());
        // the report folder, the charts and a refitted model are written aside and put in place together at the
        // end: checked now, before the long work (a model outside the report folder needs its folder, as train's)
        Optional<Path> folder = request.results().target();
        List<Path> inputs = new java.util.ArrayList<>();
        if (request.data() instanceof FromFile file) {
            inputs.add(file.options().file());
        }
        request.tuning().flatMap(Tuning::file).ifPresent(inputs::add); // a space file, which the model replaced
        request.refit().filter(m -> folder.map(f -> !m.toAbsolutePath().normalize()
                .startsWith(f.toAbsolutePath().normalize())).orElse(true)).ifPresent(m -> folders.checkFile(m, inputs));
        try (Outputs.Staged staged = folders.stage(inputs)) {
            Optional<Path> dir = folder.map(staged::report);
            Optional<Path> plots = request.results().plots().map(staged::folder);
            Optional<Path> refit = request.refit().map(staged::file);
            Executed done = execute(request, checksum, plan, configs, new Staging(staged, dir, plots, refit), progress,
                    warned, t0, started);
            dir.ifPresent(d -> last.write(done, d));
            staged.commit();
            return done;
        }
    }

    /** Where this run's outputs are written before they are put in place. */
    private record Staging(Outputs.Staged staged, Optional<Path> dir, Optional<Path> plots, Optional<Path> refit) {
    }

    private Executed execute(Request request, Optional<ChecksumCheck> checksum, ExperimentPlan plan,
                             List<ResolvedPipeline> configs, Staging staging,
                             ProgressListener progress, List<String> warned, long t0, String started) {
        String sha = "";
        Table table = null;
        Leaderboard board = null;
        Map<String, String> engineFacts = Map.of();
        if (request.data() instanceof OnCluster cluster) {
            if (checksum.isPresent()) {
                sha = Checksums.sha256(cluster.options().file());
                String found = sha;
                checksum.get().check(found);
            }
            try (ClusterEngine on = clusters.open(cluster.settings())) {
                board = on.compare(cluster.options(), plan, progress);
                engineFacts = on.facts();
            }
        } else if (request.data() instanceof FromFile file) {
            if (checksum.isPresent() || request.refit().isPresent()) {
                sha = Checksums.sha256(file.options().file());
                String found = sha;
                checksum.ifPresent(c -> c.check(found));
            }
            table = tables.read(file.options());
        } else {
            Generated g = (Generated) request.data();
            table = SyntheticRareEvents.generate(g.rows(), g.features(), Generated.INFORMATIVE, g.positiveRate(), g.seed());
            progress.note(String.format(Locale.ROOT, "demo: %d rows x %d features, %d positive (%.2f%%), %s of %d "
                            + "configurations", g.rows(), g.features(), table.requireLabels().positives(),
                    100 * table.requireLabels().positiveRate(), plan.protocol().describe(), configs.size()));
        }
        if (table != null) {
            table.notes().forEach(progress::note);
            board = engine.run(table, plan, configs, request.jobs(), request.tuning().isPresent(), progress);
        }
        Leaderboard ranked = board.withWarnings(List.copyOf(warned));

        Optional<Hyperparameters> best = request.tuning().map(t -> ranked.rows().get(0).params());
        Optional<Path> dir = staging.dir();
        dir.ifPresent(f -> sink.writeExperiment(ranked, f));
        Optional<Path> model = Optional.empty();
        if (request.refit().isPresent()) {
            PipelineSpec spec = plan.configurations().get(0).withParams(best.orElseThrow());
            FittedPipeline fitted = fitter.fit(table, fitter.resolve(spec), sha, progress);
            if (request.data() instanceof FromFile file) {
                ReadingOptions how = ReadingOptions.of(file.options());
                Optional<String> costs = spec.fit().threshold().costColumn();
                fitted = fitted.withProvenance(fitted.provenance().withReading(costs.isPresent()
                        ? how.alsoDropping(costs.get()) : how).withShiftLabels(file.options().shiftLabels()));
            }
            store.save(fitted, staging.refit().orElseThrow());
            model = request.refit();
        }
        List<Path> written = List.of();
        if (dir.isPresent()) {
            written = reports.writeExperimentReport(ExperimentReport.of(request.title(),
                    // a cost column (cost:@COLUMN:FP) is no feature: the folds' fits set it aside
                    table == null ? Optional.empty()
                            : Optional.of(DatasetSummary.of(PipelineFitter.withCostColumnAside(table, plan.fit().threshold()))),
                    ranked, plan.fit().threshold().spec(),
                    facts(request, best, model, engineFacts, (System.nanoTime() - t0) / 1e9)), dir.get(),
                    staging.plots()).stream().map(staging.staged()::published).toList();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Executed(new Result(ranked, best, model, request.results().target(), written, seconds), sha, started);
    }

    /** The report's facts: the request's own, the search, the refitted model, the time, the versions. */
    private Map<String, String> facts(Request request, Optional<Hyperparameters> best, Optional<Path> model,
                                      Map<String, String> engineFacts, double seconds) {
        Map<String, String> facts = new LinkedHashMap<>(request.facts());
        facts.putAll(engineFacts);
        if (request.data() instanceof Generated g) {
            facts.put("generated data", String.format(Locale.ROOT,
                    "%d rows x %d features (%d informative), positive rate %s, seed %d", g.rows(), g.features(),
                    Generated.INFORMATIVE, g.positiveRate(), g.seed()));
        }
        request.tuning().ifPresent(t -> facts.put("search", t.describe()));
        best.ifPresent(p -> facts.put("best parameters", p.toString()));
        model.ifPresent(m -> facts.put("refitted model", m.toString()));
        facts.put("elapsed", String.format(Locale.ROOT, "%.1f s", seconds));
        facts.putAll(versions.versions());
        return facts;
    }
}
