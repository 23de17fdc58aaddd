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
 * An in-memory catalog with one model, {@code centroid@fake}: it scores a row by how much closer it is to
 * the positive centroid than to the negative one, and records every training matrix it saw so tests can
 * check which rows reached training.
 */
final class FakeCatalog implements TrainerCatalog {

    final List<FeatureMatrix> seenTraining = Collections.synchronizedList(new ArrayList<>());
    final List<FeatureMatrix> seenValidation = Collections.synchronizedList(new ArrayList<>());
    /** How many times a factory was asked to warm up. */
    final java.util.concurrent.atomic.AtomicInteger warmUps = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public TrainerFactory find(ModelId model) {
        if (!model.kind().equals("centroid") || model.backend().map(b -> !b.equals("fake")).orElse(false)) {
            throw new UsageException("unknown model '" + model + "'; known: centroid@fake");
        }
        return new Factory(this, "centroid", "fake", Set.of(), false);
    }

    @Override
    public List<ModelId> models() {
        return List.of(ModelId.of("centroid", "fake"));
    }

    @Override
    public ModelCodec codec(String backend) {
        throw new UsageException("no codec");
    }

    /** The factory: records' accessors answer kind, backend, parameter names and class weights. */
    private record Factory(FakeCatalog catalog, String kind, String backend, Set<String> parameterNames,
            boolean supportsClassWeights) implements TrainerFactory {
        @Override
        public void warmUp() {
            catalog.warmUps.incrementAndGet();
        }

        @Override
        public ClassifierTrainer create(Hyperparameters params) {
            params.requireKnown(parameterNames(), "centroid@fake");
            return catalog::train;
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
        return new Centroids("centroid", "fake", Hyperparameters.empty(), ScoreKind.PROBABILITY, "centroids", pos, neg);
    }

    /** The trained model; the records' accessors answer everything but the scores. */
    private record Centroids(String kind, String backend, Hyperparameters params, ScoreKind scoreKind, String summary,
            double[] pos, double[] neg) implements TrainedClassifier {
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
