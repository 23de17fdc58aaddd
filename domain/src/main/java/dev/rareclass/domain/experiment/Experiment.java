package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.model.ScoreKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Evaluates every configuration of a plan on the same splits: for each split, the whole pipeline
 * ({@link PipelineFitter}: preprocessing, sampler, classifier, threshold on an inner validation split) is
 * fitted on the training part only and scores the held-out part, which nothing fitted has seen.
 *
 * <p>Splits × configurations run as independent tasks on {@code jobs} threads. Each task's seed depends
 * only on the plan's seed and its split, and results are placed by index, so the numbers are identical
 * whatever {@code jobs} is.
 */
public final class Experiment {

    /** Significance level for {@link LeaderboardRow#worseThanBest()}. */
    public static final double ALPHA = Leaderboard.ALPHA;

    private final PipelineFitter fitter;

    public Experiment(PipelineFitter fitter) {
        this.fitter = fitter;
    }

    /** Starts the warm-up of every candidate's backend ({@code TrainerFactory.warmUp}); call before reading the data. */
    public void warmUp(ExperimentPlan plan) {
        plan.candidates().forEach(c -> fitter.warmUp(c.model()));
    }

    /** Resolves the plan's configurations ({@link #resolve}) and evaluates them. */
    public Leaderboard run(Table table, ExperimentPlan plan, int jobs, ProgressListener progress) {
        return run(table, plan, resolve(plan, progress), jobs, progress);
    }

    /**
     * Evaluates configurations resolved from the plan ({@link #resolve}) on the plan's splits.
     *
     * @param configs the configurations, in leaderboard order before ranking
     */
    public Leaderboard run(Table given, ExperimentPlan plan, List<ResolvedPipeline> configs, int jobs,
                           ProgressListener progress) {
        return run(given, plan, configs, jobs, false, progress);
    }

    /**
     * As {@link #run(Table, ExperimentPlan, List, int, ProgressListener)}; when {@code searching} (a search's trials),
     * a trial whose fit refuses its values on a split's rows (knn's {@code k} above a fold's training rows, svm's
     * {@code c} too small to keep a support vector) is left out of the leaderboard with one warning, as
     * scikit-learn's searches score such a fit NaN and go on; a search whose every trial is refused so ends with the
     * first refusal (plan order, then split order: the same on any number of jobs). A comparison's models are the
     * user's own choice: a refusal of one ends it.
     */
    public Leaderboard run(Table given, ExperimentPlan plan, List<ResolvedPipeline> configs, int jobs,
                           boolean searching, ProgressListener progress) {
        if (jobs < 1) {
            throw new UsageException("--jobs must be 1 or more, got " + jobs);
        }
        Labels y = given.requireLabels();
        PipelineFitter.requireBothClasses(given, y);
        // a cost column (cost:@COLUMN:FP) is set aside before the folds, so no fold's model sees it as a feature
        java.util.Set<String> costColumns = new java.util.TreeSet<>();
        configs.forEach(c -> c.fit().threshold().costColumn().ifPresent(costColumns::add));
        if (costColumns.size() > 1) {
            throw new UsageException("the configurations read costs from different columns "
                    + costColumns + "; use one cost column");
        }
        Table costsAside = given;
        for (ResolvedPipeline c : configs) {
            costsAside = PipelineFitter.withCostColumnAside(costsAside, c.fit().threshold());
        }
        Table table = costsAside;
        List<Protocol.EvaluationSplit> splits = plan.protocol().splits(y, plan.seed());
        noteFewPositives(table.source(), y, splits, progress);

        FoldOutcome[][] outcomes = new FoldOutcome[configs.size()][splits.size()];
        long total = (long) configs.size() * splits.size();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "rareclass-experiment");
            t.setDaemon(true);
            return t;
        });
        // split by split, every configuration on each: whatever has finished is then a fair sample of the work,
        // which makes the time left an estimate worth showing once a round is done (configuration by configuration,
        // the fast models' folds came first: "4 s" was shown at 12% of a run that took 32 s)
        long round = configs.size();
        // a fit's warnings (a model that cannot weigh classes as asked), shown once after the run, in plan order
        @SuppressWarnings("unchecked")
        List<String>[][] warnings = new List[configs.size()][splits.size()];
        for (List<String>[] row : warnings) {
            java.util.Arrays.setAll(row, i -> new ArrayList<>());
        }
        UsageException[][] refused = new UsageException[configs.size()][splits.size()];
        progress.update("folds", 0, total, round);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int s = 0; s < splits.size(); s++) {
                for (int c = 0; c < configs.size(); c++) {
                    final int ci = c;
                    final int si = s;
                    futures.add(pool.submit(() -> {
                        try {
                            outcomes[ci][si] = evaluate(table, configs.get(ci), splits.get(si), plan.seed(),
                                    warnings[ci][si]);
                        } catch (UsageException e) {
                            if (!searching) {
                                throw e;
                            }
                            refused[ci][si] = e;
                        }
                        progress.update("folds", done.incrementAndGet(), total, round);
                    }));
                }
            }
            for (Future<?> f : futures) {
                Overlapped.await(f);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Integer> kept = keptTrials(configs, refused, progress);
        List<LeaderboardRow> rows = new ArrayList<>();
        for (int c : kept) {
            ResolvedPipeline config = configs.get(c);
            PipelineSpec spec = config.spec();
            rows.add(new LeaderboardRow(config.model().kind(), config.factory().backend(), spec.params(),
                    spec.sampler().name(), spec.classWeight().spec(), List.of(outcomes[c]), false, Double.NaN));
        }
        double testToTrain = 0;
        for (Protocol.EvaluationSplit s : splits) {
            testToTrain += (double) s.rows().test().length / s.rows().train().length;
        }
        testToTrain /= splits.size();
        List<LeaderboardRow> ranked = Leaderboard.rankedAndMarked(rows, plan, testToTrain);
        List<List<Integer>> testRows = new ArrayList<>();
        for (Protocol.EvaluationSplit s : splits) {
            testRows.add(java.util.Arrays.stream(s.rows().test()).map(table::rowNumber).boxed().toList());
        }
        Leaderboard board = new Leaderboard(table.source(), plan.protocol().describe(), plan.seed(), plan.metric(),
                ranked, testRows);
        // once for the whole run, not once per split: a SMOTE-family sampler's k capped at the positives available
        configs.stream().map(ResolvedPipeline::sampler).flatMap(java.util.Optional::stream)
                .flatMap(s -> s.notes().stream()).distinct().forEach(progress::note);
        kept.stream().map(c -> warnings[c]).flatMap(java.util.Arrays::stream).flatMap(List::stream).distinct()
                .forEach(progress::note);
        IdenticalRows.warnings(board).forEach(progress::note);
        ranked.forEach(row -> flaggedNothing(row).ifPresent(progress::note));
        noBetterThanChance(ranked).ifPresent(progress::note);
        return board;
    }

    /**
     * The configurations none of whose fits was refused, in plan order; a warning names how many were left out and the
     * first one's values and refusal. Every one refused: the first refusal.
     */
    private static List<Integer> keptTrials(List<ResolvedPipeline> configs, UsageException[][] refused,
                                            ProgressListener progress) {
        List<Integer> kept = new ArrayList<>();
        UsageException first = null;
        String firstValues = null;
        for (int c = 0; c < configs.size(); c++) {
            UsageException why = java.util.Arrays.stream(refused[c]).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(null);
            if (why == null) {
                kept.add(c);
            } else if (first == null) {
                first = why;
                firstValues = configs.get(c).spec().params().asMap().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(" "));
            }
        }
        if (kept.isEmpty()) {
            throw first;
        }
        if (first != null) {
            // a warning, kept under --quiet: the leaderboard holds fewer trials than the search asked for
            progress.note("warning: left out " + (configs.size() - kept.size()) + " of " + configs.size() + " trials "
                    + "whose fit refused their values on these rows (scikit-learn's searches score such a fit NaN); "
                    + "the first, " + firstValues + ": " + first.getMessage());
        }
        return kept;
    }

    /**
     * A warning when no row tells the classes apart (every mean ROC-AUC within 0.05 of 0.5, as {@code train} warns
     * of its one model): a comparison of constant features ranked its models on noise without a word.
     */
    static java.util.Optional<String> noBetterThanChance(List<LeaderboardRow> rows) {
        double best = rows.stream().mapToDouble(r -> r.metric(dev.rareclass.domain.metrics.MetricName.ROC_AUC).mean())
                .filter(v -> !Double.isNaN(v)).map(v -> Math.abs(v - 0.5)).max().orElse(Double.NaN);
        if (Double.isNaN(best) || best > 0.05) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(java.util.Locale.ROOT, "warning: every model's mean ROC-AUC is "
                + "within %.3f of 0.5: none tells the classes apart better than chance (check the label, the features "
                + "and --positive)", best));
    }

    /**
     * A warning for a row whose threshold flagged no test row on some split: its recall, precision, F1 and MCC are 0
     * there whatever its ranking says (a forest that separated the classes perfectly showed recall 0.000 on every
     * fold, its max-F1 threshold chosen on a first fit's held-out scores and sitting above every score of the refit).
     */
    static java.util.Optional<String> flaggedNothing(LeaderboardRow row) {
        long none = row.folds().stream().filter(f -> f.metrics().counts().tp() + f.metrics().counts().fp() == 0)
                .count();
        if (none == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("warning: " + IdenticalRows.label(row) + ": its threshold flagged no test row on "
                + none + " of " + row.folds().size() + " splits, where recall, precision, f1 and mcc are 0 (a "
                + "threshold chosen on other rows' scores, a first fit's held-out rows or a forest's out-of-bag "
                + "scores, can sit above every score of a test part; --threshold-cv 5 chooses it on out-of-fold "
                + "scores)");
    }

    /**
     * Every configuration of the plan, resolved once (a bad name or value fails here, before any fit); one that
     * cannot be fitted is skipped when there are others: with a warning (which the results and the report repeat) when
     * the model lacks what was asked of it (class weights, a calibration), with a note when a sampler does not apply
     * to a model that learns from negative rows only (the demo's autoencoder beside its SMOTE rows).
     */
    public List<ResolvedPipeline> resolve(ExperimentPlan plan, ProgressListener progress) {
        List<PipelineSpec> all = plan.configurations();
        List<ResolvedPipeline> configs = new ArrayList<>();
        boolean severalModels = all.stream().map(PipelineSpec::model).distinct().count() > 1;
        for (PipelineSpec spec : all) {
            ResolvedPipeline resolved;
            try {
                resolved = fitter.resolve(spec);
            } catch (UsageException e) {
                // a parameter given to every model ("--param early-stopping=10"): say which one refused it
                String model = spec.model().toString();
                if (!severalModels || e.getMessage().contains(model)) {
                    throw e;
                }
                throw new UsageException(model + ": " + e.getMessage());
            }
            java.util.Optional<String> why = fitter.unsupported(resolved);
            if (why.isPresent() && all.size() > 1) {
                // a warning, so the results file and the report say it too: a configuration asked for and not run
                // was otherwise missing from them without a trace; a sampler for a one-class model has nothing to do,
                // and a plan that crosses samplers with such a model (the demo's) is not warned about its own shape
                boolean doesNotApply = resolved.factory().learnsFromNegativesOnly() && !spec.sampler().isNone()
                        && spec.classWeight().isNone();
                progress.note((doesNotApply ? "" : "warning: ") + "skipped " + spec.model() + " with sampler "
                        + spec.sampler() + " and class weight " + spec.classWeight() + ": " + why.get());
            } else if (why.isPresent()) {
                throw new UsageException(why.get());
            } else {
                resolved.ignored().ifPresent(w -> progress.note("warning: " + w));
                configs.add(resolved);
            }
        }
        if (configs.isEmpty()) {
            throw new UsageException("no combination of the given models, samplers and "
                    + "class weights can be fitted");
        }
        return configs;
    }

    /** Fewer than this many positives in a test part make its metrics too noisy to compare configurations by. */
    static final int FEW_POSITIVES = 10;

    /**
     * Says how many positives each test part holds, and warns when one holds fewer than {@link #FEW_POSITIVES}: one
     * positive more or less found then moves recall by 10 points or more. A part without any is refused: its PR-AUC,
     * recall and precision are undefined, and ranking by them would rank noise (a time split of the last 0.1% of
     * rows was ranked on a PR-AUC of 0.000).
     */
    static void noteFewPositives(String source, Labels y, List<Protocol.EvaluationSplit> splits,
                                 ProgressListener progress) {
        int[] y01 = y.toArray();
        java.util.TreeMap<Integer, Integer> counts = new java.util.TreeMap<>();
        int fewest = Integer.MAX_VALUE;
        int smallest = Integer.MAX_VALUE;
        for (Protocol.EvaluationSplit s : splits) {
            int positives = 0;
            for (int row : s.rows().test()) {
                positives += y01[row];
            }
            counts.merge(positives, 1, Integer::sum);
            if (positives < fewest) {
                fewest = positives;
                smallest = s.rows().test().length;
            }
        }
        if (fewest == 0) {
            throw new dev.rareclass.domain.error.DataException(source + ": " + (splits.size() == 1 ? "the test part"
                    : counts.get(0) + " of " + splits.size() + " test parts") + " hold" + (splits.size() == 1 ? "s" : "")
                    + " no positive row (" + smallest + " rows): PR-AUC, recall and precision are undefined there; give "
                    + "the test part more rows (a larger --time-split or --holdout fraction) or use --folds");
        }
        StringBuilder shown = new StringBuilder();
        counts.forEach((positives, parts) -> {
            boolean first = shown.isEmpty();
            shown.append(first ? "" : ", ").append(parts).append(first ? (parts == 1 ? " part" : " parts") : "")
                    .append(" with ").append(positives);
        });
        if (fewest < FEW_POSITIVES) {
            progress.note("warning: test parts hold few positives (" + shown + "): a part's recall moves by "
                    + Math.round(100.0 / fewest) + " points with one positive more or less found; use fewer folds, or "
                    + "--repeats to average more splits");
        } else {
            progress.note("positives per test part: " + shown);
        }
    }

    private FoldOutcome evaluate(Table table, ResolvedPipeline config, Protocol.EvaluationSplit split, long seed,
                                 List<String> warnings) {
        // the fold's seed depends on its place in the protocol only, not on the configuration or thread
        ResolvedPipeline foldSpec = config.withSeed(seed + 1000L * split.repeat() + split.fold());
        Table train = table.selectRows(split.rows().train());
        Table test = table.selectRows(split.rows().test());
        long t0 = System.nanoTime();
        FittedPipeline model = fitter.fit(train, foldSpec, "", ProgressListener.notesTo(message -> {
            // a model's own warnings; the hold-out's few-positives warning, one per fold with its own counts, is
            // the comparison's (its test parts' positives are said above, and a threshold that flags nothing below)
            if (message.startsWith("warning: ") && !message.startsWith(PipelineFitter.FEW_HELD_OUT)) {
                warnings.add(message);
            }
        }));
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        double[] scores = model.scores(test);
        Labels yTest = test.requireLabels();
        BinaryMetrics metrics = BinaryMetrics.compute(yTest.toArray(), scores, model.threshold(),
                model.classifier().scoreKind() == ScoreKind.PROBABILITY);
        return new FoldOutcome(split.repeat(), split.fold(), train.rows(), test.rows(), yTest.positives(),
                model.threshold(), fitSeconds, metrics, new LabelledScores(test.source(),
                        test.labelMapping().orElseThrow(), yTest.toArray(), scores, test.rowCosts().orElse(null)));
    }
}
