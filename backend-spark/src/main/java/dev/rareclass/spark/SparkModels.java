package dev.rareclass.spark;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.NetworkSize;
import dev.rareclass.domain.preprocess.MissingPolicy;
import dev.rareclass.domain.preprocess.Scaling;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.feature.Imputer;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;

/**
 * The model kinds the Spark engine fits, on Spark ML, and the pipeline around each: categorical columns indexed and
 * one-hot encoded, missing values imputed when asked, features assembled (and standardised for the network), all
 * fitted on the training part only as one {@link Pipeline}. Class weights go through {@code weightCol}.
 *
 * <p>A new kind goes in {@link Kind}: its parameters, its defaults and its estimator.
 */
final class SparkModels {

    static final String FEATURES = "__features";
    static final String WEIGHT = "__w";
    static final String PROBABILITY = "__prob";

    private SparkModels() {
    }

    /** A kind on Spark ML. Every kind takes {@code seed}, as on every backend; logistic's fit draws nothing with it. */
    enum Kind {
        LOGISTIC("logistic", true, Set.of("lambda", "max-iterations", "tolerance", "seed")),
        RANDOM_FOREST("random-forest", true, Set.of("trees", "max-depth", "subsample", "seed")),
        GRADIENT_BOOSTING("gradient-boosting", true, Set.of("trees", "max-depth", "learning-rate", "subsample", "seed")),
        MLP("mlp", false, Set.of("hidden", "max-iterations", "seed"));

        final String name;
        final boolean takesWeights;
        final Set<String> params;

        Kind(String name, boolean takesWeights, Set<String> params) {
            this.name = name;
            this.takesWeights = takesWeights;
            this.params = params;
        }

        static Kind named(String kind) {
            for (Kind k : values()) {
                if (k.name.equals(kind)) {
                    return k;
                }
            }
            throw new UsageException("model kind '" + kind + "' is not one the Spark engine fits; it fits " + names());
        }

        static List<String> names() {
            List<String> out = new ArrayList<>();
            for (Kind k : values()) {
                out.add(k.name);
            }
            return out;
        }
    }

    /** Checks the parameters before any data is read. */
    static void validate(Kind kind, Hyperparameters params) {
        params.requireKnown(kind.params, kind.name + "@spark");
        estimator(kind, params, 2, 1.0, false, 0);
    }

    /** The stages before the model, and the column of the features they make. */
    private record Preprocessing(List<PipelineStage> stages, String features) {
    }

    private static Preprocessing preprocessing(Kind kind, List<String> numeric, List<String> categorical,
                                               MissingPolicy missing, Scaling scaling) {
        List<PipelineStage> stages = new ArrayList<>();
        List<String> assembled = new ArrayList<>();
        List<String> numericIn = new ArrayList<>(numeric);
        if (missing.imputes() && !numeric.isEmpty()) {
            List<String> imputed = numeric.stream().map(c -> "__imp_" + c).toList();
            stages.add(new Imputer().setInputCols(numeric.toArray(String[]::new))
                    .setOutputCols(imputed.toArray(String[]::new))
                    .setStrategy(switch (missing) {
                        case MEAN -> "mean";
                        case MEDIAN -> "median";
                        default -> "mode";
                    }));
            numericIn = new ArrayList<>(imputed);
        }
        assembled.addAll(numericIn);
        if (!categorical.isEmpty()) {
            List<String> indexed = categorical.stream().map(c -> "__idx_" + c).toList();
            List<String> encoded = categorical.stream().map(c -> "__oh_" + c).toList();
            stages.add(new StringIndexer().setInputCols(categorical.toArray(String[]::new))
                    .setOutputCols(indexed.toArray(String[]::new)).setHandleInvalid("keep")
                    .setStringOrderType("alphabetAsc"));
            stages.add(new OneHotEncoder().setInputCols(indexed.toArray(String[]::new))
                    .setOutputCols(encoded.toArray(String[]::new)).setHandleInvalid("keep"));
            assembled.addAll(encoded);
        }
        String features = FEATURES;
        stages.add(new VectorAssembler().setInputCols(assembled.toArray(String[]::new)).setOutputCol(features)
                .setHandleInvalid("error"));
        if (kind == Kind.MLP && scaling == Scaling.STANDARD) {
            stages.add(new StandardScaler().setInputCol(features).setOutputCol("__scaled").setWithMean(true)
                    .setWithStd(true));
            features = "__scaled";
        }
        return new Preprocessing(stages, features);
    }

    /**
     * Fits the whole pipeline (preprocessing and model) on the rows given, all of them training rows.
     *
     * @param weighted     whether rows carry {@link #WEIGHT}
     * @param weightTotal  the sum of the rows' weights (the logistic penalty's scale)
     */
    static PipelineModel fit(Kind kind, Hyperparameters params, List<String> numeric, List<String> categorical,
                             MissingPolicy missing, Scaling scaling, boolean weighted, double weightTotal, long seed,
                             Dataset<Row> rows) {
        Preprocessing prep = preprocessing(kind, numeric, categorical, missing, scaling);
        int inputs = numeric.size();
        if (kind == Kind.MLP && !categorical.isEmpty()) {
            // the network's input layer is the one-hot width, known once the categories are indexed
            Dataset<Row> made = new Pipeline().setStages(prep.stages().toArray(PipelineStage[]::new)).fit(rows)
                    .transform(rows);
            inputs = made.select(prep.features()).first().<Vector>getAs(0).size();
        }
        List<PipelineStage> stages = new ArrayList<>(prep.stages());
        stages.add(estimator(kind, params, inputs, weightTotal, weighted, seed).setFeaturesCol(prep.features()));
        return new Pipeline().setStages(stages.toArray(PipelineStage[]::new)).fit(rows);
    }

    static org.apache.spark.ml.classification.ProbabilisticClassifier<?, ?, ?> estimator(
            Kind kind, Hyperparameters p, int inputs, double weightTotal, boolean weighted, long seed) {
        long fitSeed = p.seed().orElse(seed);
        return switch (kind) {
            case LOGISTIC -> {
                // the in-memory logistic's objective, sum of losses + lambda/2 |w|^2 on standardised features;
                // Spark's is the weighted mean of losses + regParam/2 |w|^2, hence regParam = lambda / sum of weights
                double lambda = p.decimal("lambda", 1.0, 0, 1e12);
                LogisticRegression lr = new LogisticRegression()
                        .setRegParam(lambda / Math.max(weightTotal, 1.0))
                        .setElasticNetParam(0)
                        .setMaxIter(p.integer("max-iterations", 500, 1, 1_000_000))
                        .setTol(p.decimal("tolerance", 1e-6, 1e-15, 1))
                        .setStandardization(true)
                        .setFamily("binomial");
                yield common(lr, weighted);
            }
            case RANDOM_FOREST -> {
                // subsample as random-forest@smile means it: 1.0 is a bootstrap (drawn with replacement), a share
                // below 1 is drawn without replacement (Spark's bootstrap would draw that share with replacement)
                double subsample = p.positiveFraction("subsample", 1.0);
                yield common(new RandomForestClassifier()
                        .setNumTrees(p.integer("trees", 100, 1, 100_000))
                        .setMaxDepth(p.integer("max-depth", 12, 1, 30))
                        .setBootstrap(subsample == 1.0)
                        .setSubsamplingRate(subsample)
                        .setFeatureSubsetStrategy("sqrt")
                        .setSeed(fitSeed), weighted);
            }
            case GRADIENT_BOOSTING -> common(new GBTClassifier()
                    .setMaxIter(p.integer("trees", 100, 1, 100_000))
                    .setMaxDepth(p.integer("max-depth", 5, 1, 30))
                    .setStepSize(p.decimal("learning-rate", 0.1, 1e-6, 1))
                    .setSubsamplingRate(p.positiveFraction("subsample", 1.0))
                    .setSeed(fitSeed), weighted);
            case MLP -> {
                List<Integer> hidden = p.integers("hidden", List.of(16, 16), 1, 100_000);
                int[] layers = new int[hidden.size() + 2];
                layers[0] = Math.max(inputs, 1);
                for (int i = 0; i < hidden.size(); i++) {
                    layers[i + 1] = hidden.get(i);
                }
                layers[layers.length - 1] = 2;
                NetworkSize.require("mlp@spark", "hidden", layers[0], hidden, 2);
                yield common(new MultilayerPerceptronClassifier()
                        .setLayers(layers)
                        .setMaxIter(p.integer("max-iterations", 100, 1, 1_000_000))
                        .setSeed(fitSeed), false);
            }
        };
    }

    private static <T extends org.apache.spark.ml.classification.ProbabilisticClassifier<?, ?, ?>> T common(
            T model, boolean weighted) {
        model.setLabelCol(SparkTables.Y);
        model.setProbabilityCol(PROBABILITY);
        model.setRawPredictionCol("__raw");
        model.setPredictionCol("__pred");
        if (weighted) {
            model.set(model.getParam("weightCol"), WEIGHT);
        }
        return model;
    }

    static String describe(Kind kind) {
        return kind.name.toLowerCase(Locale.ROOT) + "@spark";
    }
}
