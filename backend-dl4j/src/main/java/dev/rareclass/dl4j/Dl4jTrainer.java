package dev.rareclass.dl4j;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.EpochRecord;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import dev.rareclass.domain.model.TrainingHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trains a {@link NetworkConfigs network} with plain minibatch steps: the data is copied into ND4J once,
 * each epoch reorders it with one native gather into preallocated buffers, and every step fits a row-range
 * view of those buffers. No per-row {@code DataSet}s and no iterator, which on two cores is most of the
 * difference between DL4J and a hand-written loop.
 *
 * <p>Class weights live in the loss ({@link WeightedBinaryXent}), not in per-row masks: DL4J's label mask
 * also masks the output activations, so non-binary mask values do not act as weights.
 */
final class Dl4jTrainer implements ClassifierTrainer {

    private final String kind;
    private final MlpParams params;
    private final Hyperparameters reported;

    Dl4jTrainer(String kind, MlpParams params, Hyperparameters reported) {
        this.kind = kind;
        this.params = params;
        this.reported = reported;
    }

    MlpParams params() {
        return params;
    }

    @Override
    public TrainedClassifier train(FeatureMatrix x, Labels y, TrainingContext ctx) {
        int n = x.rows();
        int cols = x.cols();
        if (n != y.size()) {
            throw new IllegalArgumentException(n + " feature rows but " + y.size() + " labels");
        }
        if (n == 0 || cols == 0) {
            throw new UsageException(kind + "@dl4j needs at least one row and one feature, got " + x);
        }
        Dl4jRuntime.ensureConfigured();
        long seed = params.seedOr(ctx.seed());
        MultiLayerNetwork net = new MultiLayerNetwork(NetworkConfigs.build(params, cols, seed, ctx.classWeights()));
        // Dropout draws from ND4J's (thread-local) RNG; seeding it here makes training reproducible.
        Nd4j.getRandom().setSeed(seed);
        net.init();

        INDArray features = Nd4j.create(x.data(), new long[] {n, cols}, 'c');
        INDArray labels = Nd4j.create(labelColumn(y), new long[] {n, 1}, 'c');

        INDArray shufX = Nd4j.create(DataType.FLOAT, new long[] {n, cols}, 'c');
        INDArray shufY = Nd4j.create(DataType.FLOAT, new long[] {n, 1}, 'c');

        DataSet validation = ctx.validationX().filter(v -> v.rows() > 0).map(v -> new DataSet(
                Nd4j.create(v.data(), new long[] {v.rows(), v.cols()}, 'c'),
                Nd4j.create(labelColumn(ctx.validationY().orElseThrow()), new long[] {v.rows(), 1}, 'c')))
                .orElse(null);

        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int batch = Math.min(params.batchSize(), n);
        String task = kind + "@dl4j epochs";
        List<EpochRecord> records = new ArrayList<>();
        // One generator for the whole run: epoch k's order depends only on the seed and k.
        SplittableRandom shuffler = new SplittableRandom(seed);
        for (int epoch = 1; epoch <= params.epochs(); epoch++) {
            shuffle(order, shuffler);
            Nd4j.pullRows(features, shufX, 1, order);
            Nd4j.pullRows(labels, shufY, 1, order);
            double lossSum = 0;
            for (int start = 0; start < n; start += batch) {
                int end = Math.min(n, start + batch);
                INDArray bx = shufX.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
                INDArray by = shufY.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
                net.fit(bx, by);
                lossSum += net.score() * (end - start);
            }
            net.incrementEpochCount();
            if (validation != null) {
                Map<String, Double> values = new LinkedHashMap<>();
                values.put("loss", lossSum / n);
                values.put("val_loss", net.score(validation, false));
                records.add(new EpochRecord(epoch, values));
            }
            ctx.progress().update(task, epoch, params.epochs());
        }
        TrainingHistory history = records.isEmpty() ? null : new TrainingHistory(records, params.epochs());
        return new Dl4jTrainedClassifier(kind, reported, net, history);
    }

    /** Fisher–Yates, continuing from the previous epoch's order. */
    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    static float[] labelColumn(Labels y) {
        float[] out = new float[y.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = y.get(i);
        }
        return out;
    }
}
