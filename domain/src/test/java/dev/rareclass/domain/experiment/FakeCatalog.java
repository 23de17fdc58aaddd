package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelCodec;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainerCatalog;
import dev.rareclass.domain.model.TrainerFactory;
import dev.rareclass.domain.model.TrainingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An in-memory catalog with two models. {@code centroid@fake} scores a row by how much closer it is to the positive
 * centroid than to the negative one, and records every training matrix it saw so tests can check which rows reached
 * training. {@code bagged@fake} is the same model posing as a bagged ensemble: it offers "out-of-bag" scores of its
 * training rows ({@code 0.8 · score + 0.1}, so that they differ from its own scores), NaN for every row whose index is
 * a multiple of {@code nan-every} (parameter, 0 for none) and, with {@code nan-positives=true}, for every positive.
 */
public final class FakeCatalog implements TrainerCatalog {

    final List<FeatureMatrix> seenTraining = Collections.synchronizedList(new ArrayList<>());
    final List<FeatureMatrix> seenValidation = Collections.synchronizedList(new ArrayList<>());
    /** How many times a factory was asked to warm up. */
    final java.util.concurrent.atomic.AtomicInteger warmUps = new java.util.concurrent.atomic.AtomicInteger();
    /** The out-of-bag scores {@code bagged@fake} offered, one array per fit. */
    final List<double[]> offeredOutOfBag = Collections.synchronizedList(new ArrayList<>());

    @Override
    public TrainerFactory find(ModelId model) {
        boolean bagged = model.kind().equals("bagged");
        if (!(bagged || model.kind().equals("centroid")) || model.backend().map(b -> !b.equals("fake")).orElse(false)) {
            throw new UsageException("unknown model '" + model + "'; known: centroid@fake, bagged@fake");
        }
        return new Factory(this, model.kind(), "fake", bagged ? Set.of("nan-every", "nan-positives") : Set.of(), false,
                bagged);
    }

    @Override
    public List<ModelId> models() {
        return List.of(ModelId.of("centroid", "fake"), ModelId.of("bagged", "fake"));
    }

    @Override
    public ModelCodec codec(String backend) {
        throw new UsageException("no codec");
    }

    /** The factory: records' accessors answer kind, backend, parameter names and class weights. */
    private record Factory(FakeCatalog catalog, String kind, String backend, Set<String> parameterNames,
            boolean supportsClassWeights, boolean offersOutOfBagScores) implements TrainerFactory {
        @Override
        public void warmUp() {
            catalog.warmUps.incrementAndGet();
        }

        @Override
        public ClassifierTrainer create(Hyperparameters params) {
            params.requireKnown(parameterNames(), kind + "@fake");
            if (!offersOutOfBagScores) {
                return catalog::train;
            }
            int nanEvery = params.integer("nan-every", 0, 0, Integer.MAX_VALUE);
            boolean nanPositives = params.bool("nan-positives", false);
            return (x, y, ctx) -> {
                Centroids fitted = (Centroids) catalog.train(x, y, ctx);
                double[] oob = fitted.scores(x);
                for (int r = 0; r < oob.length; r++) {
                    boolean none = (nanEvery > 0 && r % nanEvery == 0) || (nanPositives && y.get(r) == 1);
                    oob[r] = none ? Double.NaN : 0.8 * oob[r] + 0.1;
                }
                catalog.offeredOutOfBag.add(oob.clone());
                return new Centroids(kind, "fake", Hyperparameters.empty(), ScoreKind.PROBABILITY, "bagged centroids",
                        fitted.pos(), fitted.neg(), oob);
            };
        }
    }

    private TrainedClassifier train(FeatureMatrix x, Labels y, TrainingContext ctx) {
        // one lock for both lists: with parallel folds, entry k of each must come from the same fit
        synchronized (this) {
            seenTraining.add(x);
            seenValidation.add(ctx.validationX().orElse(FeatureMatrix.wrap(0, x.cols(), new float[0])));
        }
        int d = x.cols();
        double[] pos = new double[d];
        double[] neg = new double[d];
        for (int r = 0; r < x.rows(); r++) {
            double[] target = y.get(r) == 1 ? pos : neg;
            double n = y.get(r) == 1 ? y.positives() : y.negatives();
            for (int c = 0; c < d; c++) {
                target[c] += x.get(r, c) / n;
            }
        }
        return new Centroids("centroid", "fake", Hyperparameters.empty(), ScoreKind.PROBABILITY, "centroids", pos, neg,
                null);
    }

    /** The trained model; the records' accessors answer everything but the scores and the out-of-bag ones (or null). */
    private record Centroids(String kind, String backend, Hyperparameters params, ScoreKind scoreKind, String summary,
            double[] pos, double[] neg, double[] outOfBag) implements TrainedClassifier {
        @Override
        public Optional<double[]> outOfBagScores() {
            return Optional.ofNullable(outOfBag).map(double[]::clone);
        }

        @Override
        public double[] scores(FeatureMatrix m) {
            int d = pos.length;
            double[] out = new double[m.rows()];
            for (int r = 0; r < m.rows(); r++) {
                double dp = 0;
                double dn = 0;
                for (int c = 0; c < d; c++) {
                    dp += Math.pow(m.get(r, c) - pos[c], 2);
                    dn += Math.pow(m.get(r, c) - neg[c], 2);
                }
                out[r] = 1 / (1 + Math.exp(dp - dn));
            }
            return out;
        }
    }
}
