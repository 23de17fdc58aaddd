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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fits a {@link PipelineSpec} on a labelled table — the one training procedure that {@code train},
 * {@code compare} and the demo share, so a model is judged the same way everywhere.
 *
 * <ol>
 *   <li>Hold out a stratified validation part of the given rows (inner validation).</li>
 *   <li>Fit the preprocessing (imputation, scaling, one-hot) on the remaining training rows only.</li>
 *   <li>Keep the top-k features by ANOVA F-score on the training rows, when asked.</li>
 *   <li>Resample the scaled training rows with the sampler (validation rows are never resampled).</li>
 *   <li>Train the classifier on them (validation rows are passed for learning curves, never fitted on).</li>
 *   <li>Choose the threshold with the policy on the validation scores, and record validation metrics.</li>
 * </ol>
 * Nothing outside the given table is seen, so inside cross-validation the held-out fold stays unseen.
 */
public final class PipelineFitter {

    private final TrainerCatalog catalog;
    private final SamplerCatalog samplers;

    public PipelineFitter(TrainerCatalog catalog, SamplerCatalog samplers) {
        this.catalog = catalog;
        this.samplers = samplers;
    }

    /** Validates the spec's names and parameters without training (fail fast before long work). */
    public TrainerFactory check(PipelineSpec spec) {
        TrainerFactory factory = catalog.find(spec.kind(), spec.backend());
        factory.create(spec.params());
        ThresholdPolicy policy = ThresholdPolicies.parse(spec.thresholdPolicy());
        if (policy.needsValidationData() && spec.validationFraction() == 0) {
            throw new UsageException("threshold policy " + policy.spec() + " is tuned on validation rows; "
                    + "use a validation fraction above 0 or a fixed threshold");
        }
        samplers.find(spec.sampler()).create(spec.samplerParams());
        unsupported(spec).ifPresent(why -> {
            throw new UsageException(why);
        });
        return factory;
    }

    /** Starts the warm-up of a model kind's backend ({@link TrainerFactory#warmUp}), before the data is read. */
    public void warmUp(String kind, java.util.Optional<String> backend) {
        catalog.find(kind, backend).warmUp();
    }

    /**
     * Why a combination cannot be fitted (a model that takes no class weights, a one-class model with a
     * sampler), or empty when it can. Experiments skip such combinations with a note instead of failing.
     */
    public java.util.Optional<String> unsupported(PipelineSpec spec) {
        TrainerFactory factory = catalog.find(spec.kind(), spec.backend());
        String name = factory.kind() + "@" + factory.backend();
        if (factory.learnsFromNegativesOnly() && !spec.sampler().equals(SamplerCatalog.NONE)) {
            return java.util.Optional.of(name + " learns from negative rows only; a sampler has nothing to rebalance "
                    + "(use --sampler none)");
        }
        if (!spec.classWeight().equalsIgnoreCase("none") && !factory.supportsClassWeights()) {
            return java.util.Optional.of(name + " cannot take class weights; use --class-weight none or a sampler");
        }
        if (factory.learnsFromNegativesOnly() && !spec.classWeight().equalsIgnoreCase("none")) {
            return java.util.Optional.of(name + " learns from negative rows only; class weights do not apply");
        }
        return java.util.Optional.empty();
    }

    /**
     * @param table    labelled training rows (both classes present)
     * @param spec     what to fit
     * @param dataSha256 checksum of the source file for provenance ("" when generated)
     * @param progress where epochs are reported
     */
    public FittedPipeline fit(Table table, PipelineSpec spec, String dataSha256, ProgressListener progress) {
        TrainerFactory factory = check(spec);
        ThresholdPolicy policy = ThresholdPolicies.parse(spec.thresholdPolicy());
        Labels all = table.requireLabels();
        requireBothClasses(table, all);

        int[] trainRows;
        int[] validRows;
        if (spec.validationFraction() > 0) {
            if (all.positives() < 2 || all.negatives() < 2) {
                throw new DataException(table.source() + ": holding out validation rows needs at least 2 rows of each class; "
                        + "the table has " + all.positives() + " positive and " + all.negatives() + " negative");
            }
            Fold split = validationSplit(all, spec.validationFraction(), spec.seed());
            trainRows = split.train();
            validRows = split.test();
        } else {
            trainRows = allRows(all.size());
            validRows = new int[0];
        }

        Table trainPart = table.selectRows(trainRows);
        Labels yTrain = trainPart.requireLabels();
        // a one-class detector learns "normal" from negatives, so its preprocessing must describe them alone
        FittedPreprocessor preprocessor = FittedPreprocessor.fit(factory.learnsFromNegativesOnly()
                ? trainPart.selectRows(yTrain.indicesOf(0)) : trainPart, spec.preprocessing());
        FeatureMatrix xTrain = preprocessor.transform(trainPart);
        FeatureSelector selector = null;
        List<CategoricalBlock> blocks = preprocessor.categoricalBlocks();
        if (spec.selectTopK() > 0) {
            selector = FeatureSelector.fit(xTrain, yTrain, spec.selectTopK());
            xTrain = selector.apply(xTrain);
            blocks = selector.blocks(blocks);
        }
        if (!spec.sampler().equals(SamplerCatalog.NONE)) {
            Sampler sampler = samplers.find(spec.sampler()).create(spec.samplerParams());
            Resampled resampled = sampler.resample(new SamplingInput(xTrain, yTrain, blocks), spec.seed());
            if (xTrain.sparse().isPresent() && resampled.x().sparse().isEmpty()) {
                throw new UsageException("sampler " + spec.sampler() + " cannot rebalance text features; use "
                        + "random-over, random-under or a class weight");
            }
            xTrain = resampled.x();
            yTrain = resampled.y();
        }

        TrainingContext ctx = TrainingContext.ofSeed(spec.seed())
                .withClassWeights(ClassWeights.parse(spec.classWeight(), yTrain))
                .withProgress(progress);
        FeatureMatrix xValid = null;
        Labels yValid = null;
        if (validRows.length > 0) {
            xValid = preprocessor.transform(table.selectRows(validRows));
            if (selector != null) {
                xValid = selector.apply(xValid);
            }
            yValid = all.select(validRows);
            ctx = ctx.withValidation(xValid, yValid);
        }

        if (!factory.readsSparseFeatures()) {
            xTrain = xTrain.densified();
            if (ctx.validationX().isPresent()) {
                ctx = ctx.withValidation(ctx.validationX().get().densified(), ctx.validationY().orElseThrow());
            }
        }
        ClassifierTrainer trainer = factory.create(spec.params());
        TrainedClassifier classifier = trainer.train(xTrain, yTrain, ctx);

        double threshold;
        Map<String, Double> validation = new LinkedHashMap<>();
        if (yValid != null) {
            double[] validScores = classifier.scores(classifier.readsSparseFeatures() ? xValid : xValid.densified());
            int[] yv = yValid.toArray();
            threshold = policy.choose(yv, validScores);
            BinaryMetrics m = BinaryMetrics.compute(yv, validScores, threshold,
                    classifier.scoreKind() == ScoreKind.PROBABILITY);
            for (Map.Entry<MetricName, Double> e : m.asMap().entrySet()) {
                validation.put(e.getKey().key(), e.getValue());
            }
        } else {
            threshold = policy.choose(new int[0], new double[0]);
        }

        Provenance provenance = new Provenance(Instant.now().toString(), Versions.rareclass(),
                Runtime.version().toString(), table.source(), dataSha256, spec.seed(), trainRows.length, validRows.length);
        return new FittedPipeline(table.labelMapping().orElseThrow(), preprocessor, selector, classifier,
                threshold, policy.spec(), spec.sampler(), spec.classWeight(), validation, provenance);
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
