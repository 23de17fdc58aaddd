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
import dev.rareclass.domain.threshold.ThresholdPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves a {@link PipelineSpec} once and fits it on a labelled table — the one training procedure that {@code train},
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

    /** {@link #resolve}, refusing a combination that cannot be fitted ({@link ResolvedPipeline#unsupported}). */
    public ResolvedPipeline resolveFittable(PipelineSpec spec) {
        ResolvedPipeline resolved = resolve(spec);
        resolved.unsupported().ifPresent(why -> {
            throw new UsageException(why);
        });
        return resolved;
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
        FitSettings settings = pipeline.fit();
        PipelineSpec spec = pipeline.spec();
        TrainerFactory factory = pipeline.factory();
        ThresholdPolicy policy = settings.threshold();
        Labels all = table.requireLabels();
        requireBothClasses(table, all);

        int[] trainRows;
        int[] validRows;
        if (settings.validationFraction() > 0) {
            if (all.positives() < 2 || all.negatives() < 2) {
                throw new DataException(table.source() + ": holding out validation rows needs at least 2 rows of each class; "
                        + "the table has " + all.positives() + " positive and " + all.negatives() + " negative");
            }
            Fold split = validationSplit(all, settings.validationFraction(), settings.seed());
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
                ? trainPart.selectRows(yTrain.indicesOf(0)) : trainPart, settings.preprocessing());
        FeatureMatrix xTrain = preprocessor.transform(trainPart);
        FeatureSelector selector = null;
        List<CategoricalBlock> blocks = preprocessor.categoricalBlocks();
        if (settings.selectTopK() > 0) {
            selector = FeatureSelector.fit(xTrain, yTrain, settings.selectTopK());
            xTrain = selector.apply(xTrain);
            blocks = selector.blocks(blocks);
        }
        if (pipeline.sampler().isPresent()) {
            Resampled resampled = pipeline.sampler().get().resample(new SamplingInput(xTrain, yTrain, blocks),
                    settings.seed());
            if (xTrain.sparse().isPresent() && resampled.x().sparse().isEmpty()) {
                throw new UsageException("sampler " + spec.sampler() + " cannot rebalance text features; use "
                        + "random-over, random-under or a class weight");
            }
            xTrain = resampled.x();
            yTrain = resampled.y();
        }

        TrainingContext ctx = TrainingContext.ofSeed(settings.seed())
                .withClassWeights(spec.classWeight().weightsFor(yTrain))
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
        TrainedClassifier classifier = pipeline.trainer().train(xTrain, yTrain, ctx);
        // a sampler or class weights make the classifier learn another base rate than the data's: map its
        // probabilities back (one-class detectors give no probabilities; none when the rates agree)
        PriorCorrection prior = null;
        if (classifier.scoreKind() == ScoreKind.PROBABILITY) {
            ClassWeights w = spec.classWeight().weightsFor(yTrain);
            double seen = PriorCorrection.seen(yTrain.positives(), yTrain.negatives(), w.positive(), w.negative());
            double real = settings.deployPrevalence() > 0 ? settings.deployPrevalence()
                    : (double) trainPart.requireLabels().positives() / trainPart.rows();
            prior = PriorCorrection.of(seen, real).orElse(null);
        }

        double threshold;
        Map<String, Double> validation = new LinkedHashMap<>();
        if (yValid != null) {
            double[] validScores = classifier.scores(classifier.readsSparseFeatures() ? xValid : xValid.densified());
            if (prior != null) {
                prior.applyAll(validScores); // the threshold is chosen on the scores the model will give
            }
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

        Provenance provenance = Provenance.now(table.source(), dataSha256, settings.seed(), trainRows.length,
                validRows.length);
        return new FittedPipeline(table.labelMapping().orElseThrow(), preprocessor, selector, classifier,
                threshold, policy.spec(), spec.sampler().name(), spec.classWeight().spec(), validation, provenance,
                ReferenceRow.fit(trainPart), prior);
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
