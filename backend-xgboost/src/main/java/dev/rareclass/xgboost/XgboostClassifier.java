package dev.rareclass.xgboost;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingHistory;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained XGBoost booster. Scores are XGBoost's probabilities of the positive class from the trees of the first
 * {@code rounds} rounds (all of them unless early stopping kept fewer). The booster is never changed after
 * training; scoring is serialised on it, because its native prediction state is shared.
 */
final class XgboostClassifier implements TrainedClassifier {

    private final Booster booster;
    private final GradientBoostingParams params;
    private final int featureCount;
    private final int rounds;
    private final TrainingHistory history;

    XgboostClassifier(Booster booster, GradientBoostingParams params, int featureCount, int rounds,
                      TrainingHistory history) {
        this.booster = booster;
        this.params = params;
        this.featureCount = featureCount;
        this.rounds = rounds;
        this.history = history;
    }

    /**
     * A classifier of a booster read from checked UBJSON bytes; a {@code DataException} when XGBoost refuses them
     * or disagrees with the recorded feature count or rounds.
     */
    static XgboostClassifier load(byte[] bytes, GradientBoostingParams p, int features, int rounds,
                                  TrainingHistory history) {
        XgboostRuntime.ensureLoaded();
        Booster booster;
        try {
            booster = XGBoost.loadModel(bytes);
        } catch (XGBoostError | java.io.IOException | RuntimeException e) {
            throw XgboostModelCodec.refused("XGBoost cannot read its booster ("
                    + XgboostModelCodec.firstLine(e.getMessage()) + ")");
        }
        try {
            long n = booster.getNumFeature();
            int boosted = booster.getNumBoostedRound();
            if (n != features) {
                throw XgboostModelCodec.refused("its booster has " + n + " features but the model records " + features);
            }
            if (boosted < rounds) {
                throw XgboostModelCodec.refused("its booster has " + boosted + " rounds but the model scores with " + rounds);
            }
            booster.setParam("nthread", p.threads());
            booster.setParam("verbosity", 0);
            return new XgboostClassifier(booster, p, features, rounds, history);
        } catch (XGBoostError e) {
            booster.dispose();
            throw XgboostModelCodec.refused("XGBoost cannot use its booster (" + XgboostModelCodec.firstLine(e.getMessage()) + ")");
        } catch (DataException e) {
            booster.dispose();
            throw e;
        }
    }

    @Override
    public String kind() {
        return GradientBoostingFactory.KIND;
    }

    @Override
    public String backend() {
        return XgboostModule.NAME;
    }

    @Override
    public Hyperparameters params() {
        return params.toHyperparameters();
    }

    GradientBoostingParams boostingParams() {
        return params;
    }

    int featureCount() {
        return featureCount;
    }

    /** Boosting rounds whose trees score. */
    int rounds() {
        return rounds;
    }

    /** The booster in XGBoost's UBJSON format. */
    synchronized byte[] boosterBytes() {
        try {
            return booster.toByteArray("ubj");
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost cannot write its booster: " + e.getMessage(), e);
        }
    }

    @Override
    public double[] scores(FeatureMatrix x) {
        FeatureMatrix dense = x.densified();
        if (dense.cols() != featureCount) {
            throw new DataException(id() + " was trained on " + featureCount + " feature columns, got " + dense.cols());
        }
        if (dense.rows() == 0) {
            return new double[0];
        }
        float[][] p;
        synchronized (this) {
            try {
                p = booster.inplace_predict(dense.data(), dense.rows(), dense.cols(), Float.NaN, new int[] {0, rounds},
                        Booster.PredictionType.kValue, null);
            } catch (XGBoostError e) {
                throw new IllegalStateException(id() + " failed to score in XGBoost: " + e.getMessage(), e);
            }
        }
        double[] out = new double[dense.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = p[i][0];
        }
        return out;
    }

    @Override
    public ScoreKind scoreKind() {
        return ScoreKind.PROBABILITY;
    }

    @Override
    public Optional<TrainingHistory> history() {
        return Optional.ofNullable(history);
    }

    @Override
    public String summary() {
        return "XGBoost gradient-boosted trees (binary:logistic, hist): " + rounds + " rounds"
                + (history != null && history.epochs().size() > rounds ? " of " + history.epochs().size() + " trained (early stopping)" : "")
                + ", " + treeShape() + ", learning rate " + params.learningRate()
                + ", " + featureCount + " features";
    }

    /** The trees' bounds as the parameters set them: {@code max-depth=0} is no limit, {@code max-nodes} leaves. */
    private String treeShape() {
        String depth = params.maxDepth() == 0 ? "no depth limit" : "max depth " + params.maxDepth();
        return params.maxNodes() == 0 ? depth
                : depth + ", at most " + params.maxNodes() + " leaves per tree (grown best leaf first)";
    }
}
