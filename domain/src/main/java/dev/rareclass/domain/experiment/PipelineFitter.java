package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Fold;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.Splits;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.ModelId;
import java.util.Optional;
import java.util.OptionalInt;
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainerCatalog;
import dev.rareclass.domain.model.TrainerFactory;
import dev.rareclass.domain.model.TrainingContext;
import dev.rareclass.domain.preprocess.FeatureSelector;
import dev.rareclass.domain.preprocess.FittedPreprocessor;
import dev.rareclass.domain.sampling.CategoricalBlock;
import java.util.List;
import dev.rareclass.domain.sampling.Resampled;
import dev.rareclass.domain.sampling.Sampler;
import dev.rareclass.domain.sampling.SamplerCatalog;
import dev.rareclass.domain.sampling.SamplingInput;
import dev.rareclass.domain.threshold.ThresholdPolicies;
import dev.rareclass.domain.threshold.ThresholdPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves a {@link PipelineSpec} once and fits it on a labelled table — the one training procedure that {@code train},
 * {@code compare} and the demo share, so a model is judged the same way everywhere.
 *
 * <p>One fit of the steps ({@code fitPart}): fit the preprocessing (imputation, scaling, one-hot) on its rows only,
 * keep the top-k features by ANOVA F-score when asked, resample the scaled rows with the sampler, train the classifier
 * (validation rows, when given, only stop it early and draw learning curves), and correct its probabilities to the
 * real base rate after a sampler or class weights ({@link PriorCorrection}).
 *
 * <p>The threshold is chosen on scores of rows the scoring fit never saw, and the model users get has seen every row
 * (scikit-learn's {@code TunedThresholdClassifierCV} with {@code refit=True}):
 * <ol>
 *   <li>hold-out (the default, {@code --validation-split F}): one fit on a stratified (1 - F) share, its scores on the
 *       held-out F choose the threshold and give the validation metrics; or, with {@code --threshold-cv K}, K fits of
 *       an inner stratified K-fold whose out-of-fold scores do;</li>
 *   <li>a refit on every row, for as many epochs (rounds) as early stopping kept in the first fit(s), that keeps the
 *       threshold.</li>
 * </ol>
 * A fixed threshold with no validation split fits once. Nothing outside the given table is seen, so inside
 * cross-validation the outer test fold stays unseen.
 *
 * <p><b>Bagged ensembles</b> ({@link TrainerFactory#offersOutOfBagScores}, the random forest) with a hold-out and no
 * sampler fit once instead of twice: one fit on every row, and the threshold (with the calibration and the validation
 * metrics) chosen on every row's out-of-bag score, which only the trees that did not draw the row gave (Breiman 2001;
 * scikit-learn's {@code oob_decision_function_}). The model is the same forest a refit would have grown, and the
 * threshold's scores come from all rows rather than a fifth. With a sampler the hold-out and the refit stay: a
 * synthetic row interpolated from a row (SMOTE and the like) carries it into trees that did not draw it, so its
 * out-of-bag score would flatter the model. Rows that every tree drew have no out-of-bag score and are left out; with
 * fewer than 2 scored rows of a class, the hold-out is used after all.
 */
public final class PipelineFitter {

    private final TrainerCatalog catalog;
    private final SamplerCatalog samplers;

    public PipelineFitter(TrainerCatalog catalog, SamplerCatalog samplers) {
        this.catalog = catalog;
        this.samplers = samplers;
    }

    /**
     * Looks up the model and the sampler and validates their parameters, once, without training: a bad
     * name or value is a {@link UsageException} here, before any data is read.
     */
    public ResolvedPipeline resolve(PipelineSpec spec) {
        TrainerFactory factory = catalog.find(spec.model());
        ClassifierTrainer trainer = factory.create(spec.params());
        Sampler sampler = samplers.find(spec.sampler().name()).create(spec.sampler().params());
        return new ResolvedPipeline(spec, factory, trainer,
                spec.sampler().isNone() ? Optional.empty() : Optional.of(sampler));
    }

    /** {@link #resolve}, refusing a combination that cannot be fitted ({@link #unsupported}). */
    public ResolvedPipeline resolveFittable(PipelineSpec spec) {
        ResolvedPipeline resolved = resolve(spec);
        unsupported(resolved).ifPresent(why -> {
            throw new UsageException(why);
        });
        ThresholdPolicy policy = resolved.fit().threshold();
        if (!policy.needsValidationData() && !resolved.factory().learnsFromNegativesOnly()) {
            // a fixed threshold on probabilities (every kind but a one-class detector's unbounded scores)
            double t = policy.choose(new int[0], new double[0]);
            if (!(t >= 0 && t <= 1)) {
                throw new UsageException("--threshold " + policy.spec() + ": " + spec.model() + " gives probabilities in "
                        + "[0, 1], so it would flag " + (t > 1 ? "no row" : "every row") + "; give one in [0, 1]");
            }
        }
        return resolved;
    }

    /**
     * Why this combination cannot be fitted ({@link ResolvedPipeline#unsupported}), naming, for class weights a
     * model cannot take, the same kind on a backend that takes them ({@code logistic@smile}: {@code logistic@dl4j}).
     */
    public Optional<String> unsupported(ResolvedPipeline resolved) {
        Optional<String> why = resolved.unsupported();
        if (why.isEmpty() || !resolved.refusesClassWeights()) {
            return why;
        }
        String kind = resolved.factory().id().kind();
        return why.map(w -> catalog.models().stream()
                .filter(m -> m.kind().equals(kind) && !m.equals(resolved.factory().id()))
                .filter(m -> catalog.find(m).supportsClassWeights())
                .findFirst()
                .map(m -> w + "; " + m + " takes them")
                .orElse(w));
    }

    /** Starts the warm-up of a model's backend ({@link TrainerFactory#warmUp}), before the data is read. */
    public void warmUp(ModelId model) {
        catalog.find(model).warmUp();
    }

    /**
     * @param table      labelled training rows (both classes present)
     * @param pipeline   what to fit, resolved
     * @param dataSha256 checksum of the source file for provenance ("" when generated)
     * @param progress   where epochs are reported
     */
    public FittedPipeline fit(Table table, ResolvedPipeline pipeline, String dataSha256, ProgressListener progress) {
        return fitScored(table, pipeline, dataSha256, progress).model();
    }

    /**
     * A fitted model with the scores its threshold was chosen on and its validation metrics measured on: rows of the
     * fitted table that the model scoring them never saw (the hold-out, every row out of fold, or the rows with
     * out-of-bag scores), as the model's prior correction gives them. With a calibration, each row's score is mapped
     * by a calibration fitted without it ({@link CrossCalibrated}), as the validation metrics measure them.
     *
     * @param model  the model, refit on every row when its threshold was tuned on a hold-out or out of fold
     * @param rows   indices into the fitted table of the scored rows (empty with a fixed threshold)
     * @param scores one score per entry of {@code rows}
     * @param source where the scores came from
     */
    public record Scored(FittedPipeline model, int[] rows, double[] scores, ScoreSource source) {
    }

    /** Where the scores a threshold was chosen on came from. */
    public enum ScoreSource {
        /** None: a fixed threshold, one fit. */
        NONE,
        /** Rows held out from a first fit ({@code --validation-split}). */
        HOLD_OUT,
        /** Every row, out of fold ({@code --threshold-cv}). */
        OUT_OF_FOLD,
        /** The out-of-bag scores of a bagged ensemble fitted once on every row. */
        OUT_OF_BAG
    }

    /** {@link #fit}, keeping the held-out scores the threshold was chosen on (for the training report). */
    public Scored fitScored(Table table, ResolvedPipeline pipeline, String dataSha256, ProgressListener progress) {
        FitSettings settings = pipeline.fit();
        ThresholdPolicy policy = settings.threshold();
        table = withCostColumnAside(table, policy);
        Labels all = table.requireLabels();
        requireBothClasses(table, all);
        int n = all.size();
        // the training medians, beside the preprocessing and the trainer's matrix (single-threaded both) on this thread
        Table described = table;
        Overlapped<ReferenceRow> reference = Overlapped.start("rareclass-reference-row", () -> ReferenceRow.fit(described));
        if (!settings.refits()) {
            Part only = fitPart(table, null, OptionalInt.empty(), pipeline, progress);
            double threshold = policy.choose(new int[0], new double[0]);
            Provenance provenance = Provenance.now(table.source(), dataSha256, settings.seed(), n, 0)
                    .withSelection("fixed threshold; one fit on all " + n + " rows");
            return new Scored(assemble(table, pipeline, only, threshold, Map.of(), provenance, null, reference), new int[0],
                    new double[0], ScoreSource.NONE);
        }

        int[] heldOut;
        double[] scores;
        OptionalInt epochs;
        String selection;
        boolean probabilities;
        ScoreSource source;
        Part whole = null; // a fit on every row made before the threshold was chosen, or null
        Part first = null; // the hold-out's first fit, on the rows it left, or null
        OutOfBag outOfBag = null;
        // a fixed threshold is not chosen on the scores below: they measure the validation metrics (and a network's epochs)
        boolean chosen = pipeline.fit().threshold().needsValidationData();
        String measures = chosen ? "threshold on " : "validation metrics on ";
        if (settings.thresholdFolds() == 0 && pipeline.sampler().isEmpty() && pipeline.factory().offersOutOfBagScores()) {
            requireHoldOutClasses(table, all);
            // no sampler: a synthetic row made from a row would carry it into the trees that did not draw it
            whole = fitPart(table, null, OptionalInt.empty(), pipeline, progress);
            outOfBag = OutOfBag.of(whole, all);
            if (outOfBag == null) {
                progress.note("fewer than 2 rows of a class have out-of-bag scores (too few trees?): the threshold is "
                        + "chosen on a hold-out instead");
            }
        }
        if (outOfBag != null) {
            heldOut = outOfBag.rows();
            scores = outOfBag.scores();
            probabilities = whole.classifier().scoreKind() == ScoreKind.PROBABILITY;
            epochs = OptionalInt.empty();
            selection = String.format(java.util.Locale.ROOT, measures + "the out-of-bag scores of %,d rows (each "
                    + "scored by the trees that did not draw it)", heldOut.length);
            source = ScoreSource.OUT_OF_BAG;
        } else if (settings.thresholdFolds() > 0) {
            int k = settings.thresholdFolds();
            if (all.positives() < k || all.negatives() < k) {
                throw new DataException(table.source() + ": choosing the threshold by " + k + "-fold cross-validation "
                        + "needs at least " + k + " rows of each class; its training rows hold " + all.positives()
                        + " positive and " + all.negatives() + " negative (use fewer folds or --validation-split)");
            }
            heldOut = allRows(n);
            scores = new double[n];
            long epochSum = 0;
            int withHistory = 0;
            probabilities = true;
            for (Fold fold : Splits.stratifiedKFold(all, k, settings.seed())) {
                Table inner = table.selectRows(fold.test());
                // the out-of-fold part also stops a network early, as a Keras user's validation_data would
                Part part = fitPart(table.selectRows(fold.train()), inner, OptionalInt.empty(), pipeline, progress);
                double[] s = part.scores(inner);
                for (int i = 0; i < s.length; i++) {
                    scores[fold.test()[i]] = s[i];
                }
                probabilities &= part.classifier().scoreKind() == ScoreKind.PROBABILITY;
                if (part.classifier().history().isPresent()) {
                    epochSum += part.classifier().history().get().bestEpoch();
                    withHistory++;
                }
            }
            epochs = withHistory == k ? OptionalInt.of((int) Math.max(1, Math.round((double) epochSum / k)))
                    : OptionalInt.empty();
            selection = measures + "the out-of-fold scores of " + k + "-fold cross-validation";
            source = ScoreSource.OUT_OF_FOLD;
        } else {
            requireHoldOutClasses(table, all);
            Fold split = validationSplit(all, settings.validationFraction(), settings.seed());
            Table valid = table.selectRows(split.test());
            first = fitPart(table.selectRows(split.train()), valid, OptionalInt.empty(), pipeline, progress);
            // after the first fit: a parameter it refused is then the only line said
            warnOnFewPositives(all, split, settings.validationFraction(), chosen, progress);
            heldOut = split.test();
            scores = first.scores(valid);
            probabilities = first.classifier().scoreKind() == ScoreKind.PROBABILITY;
            epochs = first.classifier().history()
                    .map(h -> OptionalInt.of(Math.max(1, h.bestEpoch()))).orElse(OptionalInt.empty());
            selection = measures + heldOut.length
                    + " rows held out from a first fit on " + split.train().length;
            source = ScoreSource.HOLD_OUT;
        }
        int[] yv = all.select(heldOut).toArray();
        Calibration calibration = null;
        double[] measured = scores; // the scores the validation metrics are measured on
        if (!settings.calibration().equals("none")) {
            if (!probabilities) { // ResolvedPipeline.unsupported refuses this before any fit; a guard for callers of resolve
                throw new IllegalStateException("calibration of anomaly scores (" + pipeline.spec().model() + ")");
            }
            double[] raw = scores.clone();
            // fitted on the same never-seen scores the threshold is then chosen on, as the model will give them
            calibration = Calibration.fit(settings.calibration(), yv, scores);
            selection = selection + "; " + settings.calibration() + " calibration fitted on the same scores";
            java.util.function.UnaryOperator<Calibration> toDeploy = java.util.function.UnaryOperator.identity();
            if (settings.deployPrevalence() > 0) {
                // fitted on rows at the training base rate (fitPart corrected to it): then moved to the deploy one
                double training = (double) all.positives() / n;
                var shift = PriorCorrection.of(training, settings.deployPrevalence());
                if (shift.isPresent()) {
                    toDeploy = c -> c.shifted(shift.get());
                    calibration = toDeploy.apply(calibration);
                    selection += String.format(java.util.Locale.ROOT, ", its probabilities moved from the training "
                            + "base rate %.4g to the deploy prevalence %.4g", training, settings.deployPrevalence());
                }
            }
            calibration.applyAll(scores);
            CrossCalibrated cross = CrossCalibrated.of(settings.calibration(), yv, raw, settings.seed(), toDeploy);
            if (cross != null) {
                measured = cross.scores();
                selection += "; validation metrics on the scores each calibrated by a calibration fitted on the other "
                        + (cross.parts() - 1) + " of " + cross.parts() + " parts of them";
            } else {
                progress.note("the validation metrics are measured on the rows the " + settings.calibration()
                        + " calibration was fitted on (fewer than 2 rows of a class to fit it without them), so they "
                        + "flatter it");
            }
        }
        double[] costs = table.rowCosts().map(c -> select(c, heldOut)).orElse(null);
        double threshold = policy.choose(yv, scores, costs);
        Map<String, Double> validation = new LinkedHashMap<>();
        for (Map.Entry<MetricName, Double> e : BinaryMetrics.compute(yv, measured, threshold, probabilities).asMap().entrySet()) {
            validation.put(e.getKey().key(), e.getValue());
        }
        // the model users get has seen every row; it keeps the threshold chosen on scores no fit had seen
        Part last;
        if (outOfBag != null) {
            last = whole;
            selection += String.format(java.util.Locale.ROOT, "; one fit on all %,d rows", n);
        } else {
            // after too few out-of-bag scores, the fit on every row is the refit, unless the refit's epochs differ
            last = whole != null && epochs.isEmpty() ? whole : fitPart(table, null, epochs, pipeline, progress);
            selection += "; then refit on all " + n + " rows" + (epochs.isPresent() ? " for " + epochs.getAsInt()
                    + (pipeline.model().countsRounds() ? " boosting rounds" : " epochs") + ", as many as the first "
                    + (settings.thresholdFolds() > 0 ? "fits kept on average" : "fit kept") : "");
        }
        Provenance provenance = Provenance.now(table.source(), dataSha256, settings.seed(), n, heldOut.length)
                .withSelection(selection);
        FittedPipeline model = assemble(table, pipeline, last, threshold, validation, provenance, calibration, reference);
        // the hold-out's first fit had validation rows: its history is the learning curve (training and validation loss
        // and metrics per epoch, as Keras's fit with validation_data), where the refit on every row has none
        if (first != null && last != first && first.classifier().history().isPresent()) {
            model = model.withFirstFitHistory(first.classifier().history().get());
        }
        return new Scored(model, heldOut, measured, source);
    }

    /** How the warning on a hold-out with few positives starts. */
    static final String FEW_HELD_OUT = "warning: --validation-split";

    /**
     * A hold-out whose either side has fewer than {@link Experiment#FEW_POSITIVES} positives gives a threshold chosen
     * on a handful of rows, or by a model fitted on a handful ({@code --validation-split 0.999}: "a first fit on 2"):
     * said, with what to do instead.
     */
    private static void warnOnFewPositives(Labels all, Fold split, double fraction, boolean thresholdChosen,
                                           ProgressListener progress) {
        int held = 0;
        for (int r : split.test()) {
            held += all.get(r);
        }
        int fitted = all.positives() - held;
        if (Math.min(held, fitted) < Experiment.FEW_POSITIVES) {
            // a fixed threshold is not chosen there: the rows measure the validation metrics (and a network's epochs)
            progress.note(String.format(java.util.Locale.ROOT, FEW_HELD_OUT + " %s leaves %d positive rows "
                    + (thresholdChosen ? "to choose the threshold on and %d to fit the first model on: the threshold "
                    + "is noisy; --threshold-cv 5 chooses it on every row's out-of-fold score"
                    : "to measure the validation metrics on and %d to fit the first model on: those numbers are noisy"),
                    ThresholdPolicies.text(fraction), held, fitted));
        }
    }

    private static void requireHoldOutClasses(Table table, Labels all) {
        if (all.positives() < 2 || all.negatives() < 2) {
            throw new DataException(table.source() + ": holding out validation rows needs at least 2 rows of each class; "
                    + "the rows it fits on (in a comparison, a split's training part) have " + all.positives()
                    + " positive and " + all.negatives() + " negative");
        }
    }

    /**
     * The out-of-bag scores of a fit on every row of a table, as the model gives scores (its prior correction
     * applied), for the rows that have one.
     *
     * @param rows   indices of the rows with an out-of-bag score, ascending
     * @param scores their scores
     */
    private record OutOfBag(int[] rows, double[] scores) {

        /** Null when the classifier offers none for these rows, or fewer than 2 rows of a class have one. */
        static OutOfBag of(Part whole, Labels all) {
            Optional<double[]> offered = whole.classifier().outOfBagScores();
            if (offered.isEmpty() || offered.get().length != all.size()) {
                return null;
            }
            double[] raw = offered.get();
            int[] rows = java.util.stream.IntStream.range(0, raw.length).filter(i -> !Double.isNaN(raw[i])).toArray();
            int positives = 0;
            for (int r : rows) {
                positives += all.get(r);
            }
            if (positives < 2 || rows.length - positives < 2) {
                return null;
            }
            double[] scores = select(raw, rows);
            if (whole.prior() != null) {
                whole.prior().applyAll(scores); // the rate the forest saw (class weights) back to the real one
            }
            return new OutOfBag(rows, scores);
        }
    }

    /**
     * The table with the policy's cost column ({@code cost:@COLUMN:FP}) set aside as row costs, so it is no feature;
     * unchanged when the policy reads none or the column was set aside already.
     */
    public static Table withCostColumnAside(Table table, ThresholdPolicy policy) {
        return policy.costColumn().isPresent() && table.rowCosts().isEmpty()
                ? table.withRowCostsFrom(policy.costColumn().get()) : table;
    }

    static double[] select(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    /**
     * One fit of the pipeline's steps on some rows: preprocessing, feature selection, the sampler, the classifier
     * and the prior correction.
     *
     * @param validRows rows passed to the trainer for early stopping and learning curves, or null for none
     * @param epochs    a fixed epoch (round) count for a refit, or empty for the parameters' own
     */
    private Part fitPart(Table trainPart, Table validRows, OptionalInt epochs, ResolvedPipeline pipeline,
                         ProgressListener progress) {
        FitSettings settings = pipeline.fit();
        PipelineSpec spec = pipeline.spec();
        TrainerFactory factory = pipeline.factory();
        Labels yTrain = trainPart.requireLabels();
        // a one-class detector learns "normal" from negatives, so its preprocessing must describe them alone
        FittedPreprocessor preprocessor = FittedPreprocessor.fit(factory.learnsFromNegativesOnly()
                ? trainPart.selectRows(yTrain.indicesOf(0)) : trainPart, settings.preprocessing());
        FeatureMatrix xTrain = preprocessor.transform(trainPart);
        FeatureSelector selector = null;
        List<CategoricalBlock> blocks = preprocessor.categoricalBlocks();
        if (settings.selectTopK() > 0) {
            if (settings.selectTopK() > xTrain.cols()) {
                // scikit-learn's SelectKBest warns so too ("k=K is greater than n_features=N. All the features will
                // be returned."): a K meant for another table, or one-hot columns fewer than expected
                progress.note(String.format(java.util.Locale.ROOT, "warning: select-top-k %d is greater than the %d "
                        + "feature%s the preprocessing gives; all %d are kept", settings.selectTopK(), xTrain.cols(),
                        xTrain.cols() == 1 ? "" : "s", xTrain.cols()));
            }
            selector = FeatureSelector.fit(xTrain, yTrain, settings.selectTopK());
            xTrain = selector.apply(xTrain);
            blocks = selector.blocks(blocks);
        }
        if (pipeline.sampler().isPresent()) {
            // before resampling: SMOTE failed inside on the words it cannot interpolate, and Tomek, ENN and NearMiss
            // measured distances without them (every row 0 apart in a table of text alone) and kept what they chose
            if (xTrain.sparse().isPresent() && !pipeline.sampler().get().picksWholeRows()) {
                throw new UsageException("sampler " + spec.sampler() + " cannot rebalance text features; use "
                        + "random-over, random-under or a class weight");
            }
            Resampled resampled = pipeline.sampler().get().resample(new SamplingInput(xTrain, yTrain, blocks),
                    settings.seed());
            xTrain = resampled.x();
            yTrain = resampled.y();
        }

        TrainingContext ctx = TrainingContext.ofSeed(settings.seed())
                .withClassWeights(spec.classWeight().weightsFor(yTrain))
                .withProgress(progress);
        if (epochs.isPresent()) {
            ctx = ctx.withFixedEpochs(epochs.getAsInt());
        }
        if (validRows != null) {
            FeatureMatrix xValid = preprocessor.transform(validRows);
            if (selector != null) {
                xValid = selector.apply(xValid);
            }
            ctx = ctx.withValidation(xValid, validRows.requireLabels());
        }
        if (!factory.readsSparseFeatures()) {
            xTrain = xTrain.densified();
            if (ctx.validationX().isPresent()) {
                ctx = ctx.withValidation(ctx.validationX().get().densified(), ctx.validationY().orElseThrow());
            }
        }
        TrainedClassifier classifier = pipeline.trainer().train(xTrain, yTrain, ctx);
        // a sampler or class weights make the classifier learn another base rate than the data's: map its
        // probabilities back (one-class detectors give no probabilities; none when the rates agree)
        PriorCorrection prior = null;
        if (classifier.scoreKind() == ScoreKind.PROBABILITY) {
            ClassWeights w = spec.classWeight().weightsFor(yTrain);
            double seen = PriorCorrection.seen(yTrain.positives(), yTrain.negatives(), w.positive(), w.negative());
            // a calibration learns the training base rate from held-out labels, so the scores it maps keep that
            // rate and the calibration itself moves to a deploy prevalence (fitScored)
            boolean toDeploy = settings.deployPrevalence() > 0 && settings.calibration().equals("none");
            double real = toDeploy ? settings.deployPrevalence()
                    : (double) trainPart.requireLabels().positives() / trainPart.rows();
            if (toDeploy && factory.learnsPrevalence().isPresent()) {
                // the balanced ensembles learn half positives whatever they are given; left as imbalanced-learn's
                // unless a deploy prevalence is asked for, which then maps from that half, not the rows' share
                seen = factory.learnsPrevalence().getAsDouble();
            }
            prior = PriorCorrection.of(seen, real).orElse(null);
        }
        return new Part(preprocessor, selector, classifier, prior);
    }

    /** The fitted steps of one {@link #fitPart}. */
    private record Part(FittedPreprocessor preprocessor, FeatureSelector selector, TrainedClassifier classifier,
                        PriorCorrection prior) {

        /** Scores of rows as the finished model would give them (the threshold is chosen on these). */
        double[] scores(Table rows) {
            FeatureMatrix x = preprocessor.transform(rows);
            if (selector != null) {
                x = selector.apply(x);
            }
            double[] s = classifier.scores(classifier.readsSparseFeatures() ? x : x.densified());
            FittedPipeline.requireUsable(s, rows, classifier);
            if (prior != null) {
                prior.applyAll(s);
            }
            return s;
        }
    }

    private static FittedPipeline assemble(Table table, ResolvedPipeline pipeline, Part part, double threshold,
                                           Map<String, Double> validation, Provenance provenance,
                                           Calibration calibration, Overlapped<ReferenceRow> reference) {
        PipelineSpec spec = pipeline.spec();
        return new FittedPipeline(table.labelMapping().orElseThrow(), part.preprocessor(), part.selector(),
                part.classifier(), threshold, pipeline.fit().threshold().spec(), spec.sampler().name(),
                spec.classWeight().spec(), validation, provenance, reference.get(), part.prior(), calibration, null);
    }

    /**
     * The inner validation split {@link #fit} holds out: test = validation rows. Reports use it to find the
     * same rows again for a fitted model (its provenance holds the seed).
     */
    public static Fold validationSplit(Labels y, double fraction, long seed) {
        return Splits.stratifiedHoldout(y, fraction, seed);
    }

    static void requireBothClasses(Table table, Labels y) {
        if (!y.hasBothClasses()) {
            String present = y.positives() == 0 ? "only negative rows (the positive value "
                    + table.labelMapping().map(m -> "'" + m.positiveValue() + "'").orElse("") + " never occurs)"
                    : "only positive rows";
            throw new DataException(table.source() + ": the label column has " + present + "; training needs both classes");
        }
    }

    private static int[] allRows(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
