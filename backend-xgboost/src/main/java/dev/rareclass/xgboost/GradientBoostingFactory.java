package dev.rareclass.xgboost;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.metrics.Curves;
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.EpochRecord;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainerFactory;
import dev.rareclass.domain.model.TrainingContext;
import dev.rareclass.domain.model.TrainingHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * {@code gradient-boosting@xgboost}: XGBoost's gradient-boosted trees with the logistic loss
 * ({@code binary:logistic}), so scores are probabilities, grown with {@code tree_method=hist}.
 *
 * <p><b>Class weights</b> become {@code scale_pos_weight = positive / negative}: XGBoost multiplies the gradient
 * and hessian of every positive row by it, which is the same loss as weighting the rows.
 *
 * <p><b>History.</b> Every round has a record. With validation rows it holds {@code val_loss} (the log-loss on
 * them, as XGBoost's evaluation reports it), which early stopping reads. The learning curves' other points are in
 * the first and last round's record and in every {@link #lossStride}-th in between (about 20 points):
 * {@code loss}, the training log-loss, and with validation rows {@code val_pr_auc} (average precision, as every
 * rareclass PR-AUC, computed here from XGBoost's cached validation predictions). Evaluating every training row after
 * every round took 7% of a 100-round fit on 200,000 rows, work XGBoost's own {@code train} does not do unless asked,
 * and sorting the validation scores for their PR-AUC after every round about 5% of a default fit (0.3 s of 6.5 s).
 * With {@code early-stopping=val_loss} and validation rows, training stops after {@code patience} rounds without a
 * lower validation log-loss and the model scores with the trees up to the best round (the others stay in the
 * booster, as XGBoost's own early stopping leaves them).
 *
 * <p><b>Reproducibility.</b> The booster's seed is {@link TrainingContext#seed()} (or the {@code seed}
 * parameter); {@code hist} builds the same trees whatever {@code threads} is.
 *
 * <p><b>Threads.</b> {@code threads=0} (the default) gives a fit its share of the cores, looked at again before
 * every round ({@link XgboostRuntime#threadsNow}), and {@link XgboostRuntime#useThreads} lets XGBoost use them although the
 * launcher's {@code OMP_NUM_THREADS=1} would cap it at one.
 */
public final class GradientBoostingFactory implements TrainerFactory {

    static final String KIND = "gradient-boosting";
    static final String MODEL = ModelId.of(KIND, XgboostModule.NAME).toString();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String backend() {
        return XgboostModule.NAME;
    }

    @Override
    public Set<String> parameterNames() {
        return GradientBoostingParams.NAMES;
    }

    @Override
    public boolean supportsClassWeights() {
        return true;
    }

    @Override
    public void warmUp() {
        XgboostRuntime.warmUpInBackground();
    }

    @Override
    public ClassifierTrainer create(Hyperparameters params) {
        return new Trainer(GradientBoostingParams.of(params));
    }

    /** XGBoost's own parameters for these, with the booster's seed and the positive class's weight. */
    static Map<String, Object> boosterParams(GradientBoostingParams p, long seed, double scalePosWeight, int threads) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("objective", "binary:logistic");
        m.put("tree_method", "hist");
        m.put("max_depth", p.maxDepth());
        if (p.maxNodes() > 0) {
            m.put("grow_policy", "lossguide");
            m.put("max_leaves", p.maxNodes());
        }
        m.put("eta", p.learningRate());
        m.put("subsample", p.subsample());
        m.put("min_child_weight", p.minChildWeight());
        m.put("colsample_bytree", p.colsample());
        m.put("lambda", p.lambda());
        m.put("scale_pos_weight", scalePosWeight);
        m.put("seed", seed);
        m.put("nthread", threads);
        m.put("verbosity", 0);
        return m;
    }

    static double scalePosWeight(ClassWeights weights) {
        return weights.positive() / weights.negative();
    }

    record Trainer(GradientBoostingParams params) implements ClassifierTrainer {

        @Override
        public TrainedClassifier train(FeatureMatrix x, Labels y, TrainingContext ctx) {
            FeatureMatrix dense = x.densified();
            if (dense.rows() != y.size()) {
                throw new IllegalArgumentException(dense.rows() + " feature rows but " + y.size() + " labels");
            }
            if (dense.cols() == 0) {
                throw new DataException(MODEL + " needs at least one feature column");
            }
            if (!y.hasBothClasses()) {
                throw new DataException(MODEL + " needs both classes in the training data; it has "
                        + y.positives() + " positive and " + y.negatives() + " negative rows");
            }
            if (ctx.validationX().isEmpty() && ctx.fixedEpochs().isEmpty() && params.earlyStopping() > 0) {
                // as mlp@dl4j refuses early-stopping without validation rows: it would train every round unasked
                throw new UsageException(MODEL + ": early-stopping=val_loss needs validation rows (use a validation "
                        + "fraction above 0, or early-stopping=none)");
            }
            XgboostRuntime.ensureLoaded();
            int threads = XgboostRuntime.fitStarted(params.threads());
            DMatrix train = null;
            DMatrix valid = null;
            try {
                XgboostRuntime.useThreads(threads);
                train = matrix(dense, y);
                Map<String, DMatrix> watches = new LinkedHashMap<>();
                if (ctx.validationX().isPresent()) {
                    valid = matrix(ctx.validationX().get().densified(), ctx.validationY().orElseThrow());
                    watches.put("val", valid);
                }
                return boost(dense.cols(), train, valid, watches, ctx, threads);
            } catch (XGBoostError e) {
                throw new IllegalStateException(MODEL + " failed in XGBoost: " + e.getMessage(), e);
            } finally {
                XgboostRuntime.fitDone();
                if (train != null) {
                    train.dispose();
                }
                if (valid != null) {
                    valid.dispose();
                }
            }
        }

        private XgboostClassifier boost(int cols, DMatrix train, DMatrix valid, Map<String, DMatrix> watches,
                                        TrainingContext ctx, int threads) throws XGBoostError {
            Map<String, Object> config = boosterParams(params, params.boosterSeed(ctx.seed()),
                    scalePosWeight(ctx.classWeights()), threads);
            // zero rounds: a booster with the training and validation matrices in its prediction cache, so that
            // evaluating or predicting after a round costs that round's tree only, not all of them
            Booster booster = XGBoost.train(train, config, 0, watches, null, null);
            // the log-loss only: it is one pass over the cached predictions, where XGBoost's aucpr sorts every
            // evaluated set each round (on 200,000 training rows that was most of a fit's time)
            booster.setParam("eval_metric", "logloss");
            int[] validLabels = ctx.validationY().map(Labels::toArray).orElse(null);
            // a refit on every row trains as many rounds as early stopping kept before, stopping nothing early
            int rounds = ctx.fixedEpochs().orElse(params.trees());
            int stride = lossStride(rounds);
            int patience = valid == null || ctx.fixedEpochs().isPresent() ? 0 : params.earlyStopping();
            List<EpochRecord> epochs = new ArrayList<>();
            double bestLoss = Double.POSITIVE_INFINITY;
            int best = 0;
            String task = MODEL + " rounds";
            ctx.progress().update(task, 0, rounds);
            for (int round = 0; round < rounds; round++) {
                int share = XgboostRuntime.threadsNow(params.threads());
                if (share != threads) { // another fit started or ended: OpenMP threads must not outnumber the cores
                    threads = share;
                    booster.setParam("nthread", threads);
                    XgboostRuntime.useThreads(threads);
                }
                booster.update(train, round);
                boolean curvePoint = round == 0 || round == rounds - 1 || (round + 1) % stride == 0;
                Map<String, Double> values = evaluate(booster, curvePoint ? train : null, valid, round);
                if (valid != null && curvePoint) {
                    values.put("val_pr_auc", validPrAuc(booster, valid, validLabels));
                }
                epochs.add(new EpochRecord(round + 1, values));
                ctx.progress().update(task, round + 1, rounds);
                if (patience > 0) {
                    Double loss = values.get("val_loss");
                    if (loss != null && loss < bestLoss) {
                        bestLoss = loss;
                        best = round + 1;
                    } else if (round + 1 - best >= patience) {
                        break;
                    }
                }
            }
            if (!epochs.isEmpty() && !epochs.getLast().values().containsKey("loss")) {
                // stopped early between two points of the learning curves: the last round is one too
                EpochRecord last = epochs.getLast();
                Map<String, Double> values = evaluate(booster, train, null, last.epoch() - 1);
                if (valid != null) {
                    values.put("val_pr_auc", validPrAuc(booster, valid, validLabels));
                }
                values.putAll(last.values());
                epochs.set(epochs.size() - 1, new EpochRecord(last.epoch(), values));
            }
            int kept = patience > 0 && best > 0 ? best : epochs.size();
            if (kept < epochs.size()) {
                // XGBoost's own name, so that XGBoost's Python package finds the best round in a saved booster too
                booster.setAttr("best_iteration", Integer.toString(kept - 1));
            }
            return new XgboostClassifier(booster, params, cols, kept, new TrainingHistory(epochs, kept));
        }

        /** Average precision of the booster's scores for the validation rows (from its prediction cache). */
        private static double validPrAuc(Booster booster, DMatrix valid, int[] labels) throws XGBoostError {
            return Curves.averagePrecision(labels, positiveScores(booster.predict(valid)));
        }

        /** XGBoost's evaluation after {@code round} of the sets given (either may be null), under rareclass's names. */
        private static Map<String, Double> evaluate(Booster booster, DMatrix train, DMatrix valid, int round)
                throws XGBoostError {
            List<DMatrix> sets = new ArrayList<>(2);
            List<String> names = new ArrayList<>(2);
            if (train != null) {
                sets.add(train);
                names.add("train");
            }
            if (valid != null) {
                sets.add(valid);
                names.add("val");
            }
            return sets.isEmpty() ? new LinkedHashMap<>()
                    : evaluation(booster.evalSet(sets.toArray(DMatrix[]::new), names.toArray(String[]::new), round));
        }

        /** XGBoost's predictions (one column of probabilities) as one score per row. */
        private static double[] positiveScores(float[][] predictions) {
            double[] out = new double[predictions.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = predictions[i][0];
            }
            return out;
        }

        private static DMatrix matrix(FeatureMatrix x, Labels y) throws XGBoostError {
            DMatrix m = new DMatrix(x.data(), x.rows(), x.cols(), Float.NaN);
            float[] labels = new float[y.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = y.get(i);
            }
            m.setLabel(labels);
            return m;
        }
    }

    /** Rounds between two records of the training loss: every round up to 20 rounds, then about 20 in all. */
    static int lossStride(int rounds) {
        return Math.max(1, rounds / 20);
    }

    /**
     * The numbers of one line of XGBoost's evaluation, {@code [3]\ttrain-logloss:0.41\tval-logloss:0.45\tval-aucpr:0.8},
     * under rareclass's history names: {@code loss}, {@code val_loss}, {@code val_pr_auc} (and {@code pr_auc}).
     */
    static Map<String, Double> evaluation(String line) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String field : line.split("\t")) {
            int dash = field.indexOf('-');
            int colon = field.lastIndexOf(':');
            if (dash <= 0 || colon < dash) {
                continue;
            }
            String set = field.substring(0, dash);
            String metric = switch (field.substring(dash + 1, colon)) {
                case "logloss" -> "loss";
                case "aucpr" -> "pr_auc";
                default -> null;
            };
            if (metric == null) {
                continue;
            }
            try {
                double v = Double.parseDouble(field.substring(colon + 1));
                out.put(set.equals("val") ? "val_" + metric : metric, v);
            } catch (NumberFormatException e) {
                // a value XGBoost could not compute (nan) is left out of the record
            }
        }
        return out;
    }
}
