package dev.rareclass.dl4j;

import dev.rareclass.domain.model.EpochRecord;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.model.TrainingHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The minibatch loop shared by every DL4J trainer here. The data is copied into ND4J once; each epoch
 * reorders it with one native gather ({@code pullRows}) into buffers allocated once, and every step fits a
 * row-range view of those buffers: no per-row {@code DataSet}s, no iterator, no listeners. After each epoch
 * an {@link Evaluator} adds validation numbers; {@link EarlyStopping} decides whether to go on and which
 * weights to keep.
 */
final class EpochLoop {

    /** Adds {@code val_*} entries for the network as it is after an epoch. */
    @FunctionalInterface
    interface Evaluator {
        void evaluate(MultiLayerNetwork net, Map<String, Double> values);
    }

    /** Fits one epoch's minibatches in a given row order. */
    interface Feeder {
        /** Number of rows. */
        int rows();

        /** Fits every minibatch of the rows in {@code order}; returns the sum over batches of score × batch rows. */
        double epoch(MultiLayerNetwork net, int[] order);
    }

    private EpochLoop() {
    }

    /**
     * @param targets    labels (n × 1) or, for an autoencoder, the features themselves
     * @param evaluator  null when there is no validation data
     * @return the history; the network holds the best epoch's weights when early stopping restores them
     */
    static TrainingHistory run(String task, MultiLayerNetwork net, INDArray features, INDArray targets, int batchSize,
                               int epochs, long seed, EarlyStopping stopping, Evaluator evaluator, ProgressListener progress) {
        return run(task, net, dense(features, targets, batchSize), epochs, seed, stopping, evaluator, progress);
    }

    /** Dense rows: copied into ND4J once, reordered each epoch with one native gather. */
    static Feeder dense(INDArray features, INDArray targets, int batchSize) {
        int n = (int) features.size(0);
        INDArray shufX = Nd4j.create(DataType.FLOAT, features.shape(), 'c');
        INDArray shufY = targets == features ? shufX : Nd4j.create(DataType.FLOAT, targets.shape(), 'c');
        int batch = Math.min(batchSize, n);
        INDArray[] bx = new INDArray[(n + batch - 1) / batch];
        INDArray[] by = new INDArray[bx.length];
        for (int b = 0; b < bx.length; b++) {
            int start = b * batch;
            int end = Math.min(n, start + batch);
            bx[b] = shufX.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            by[b] = shufY == shufX ? bx[b] : shufY.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
        }
        return new Feeder() {
            @Override
            public int rows() {
                return n;
            }

            @Override
            public double epoch(MultiLayerNetwork net, int[] order) {
                Nd4j.pullRows(features, shufX, 1, order);
                if (shufY != shufX) {
                    Nd4j.pullRows(targets, shufY, 1, order);
                }
                double lossSum = 0;
                for (int b = 0; b < bx.length; b++) {
                    net.fit(bx[b], by[b]);
                    lossSum += net.score() * bx[b].size(0);
                }
                return lossSum;
            }
        };
    }

    /** The loop itself, for any {@link Feeder}. */
    static TrainingHistory run(String task, MultiLayerNetwork net, Feeder feeder, int epochs, long seed,
                               EarlyStopping stopping, Evaluator evaluator, ProgressListener progress) {
        int n = feeder.rows();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        boolean stoppingOn = stopping.enabled() && (evaluator != null || !stopping.needsValidation());
        List<EpochRecord> records = new ArrayList<>();
        double best = Double.NaN;
        int bestEpoch = 0;
        INDArray bestParams = null;
        int sinceBest = 0;
        // One generator for the whole run: epoch k's order depends only on the seed and k.
        SplittableRandom shuffler = new SplittableRandom(seed);
        int epoch = 0;
        // DL4J's score, and so "loss", includes the L1/L2 penalty; the validation loss does not. The penalty is
        // recorded beside it (the mean of the epoch's first and last, one sum of squares each), so that a chart can
        // draw both losses on one basis while "loss" stays what the optimiser and early stopping saw.
        double penaltyBefore = net.calcRegularizationScore(true);
        while (epoch < epochs) {
            epoch++;
            shuffle(order, shuffler);
            double lossSum = feeder.epoch(net, order);
            net.incrementEpochCount();
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("loss", lossSum / n);
            double penaltyAfter = net.calcRegularizationScore(true);
            if (penaltyBefore > 0 || penaltyAfter > 0) {
                values.put(TrainingHistory.PENALTY, (penaltyBefore + penaltyAfter) / 2);
            }
            penaltyBefore = penaltyAfter;
            if (evaluator != null) {
                evaluator.evaluate(net, values);
            }
            records.add(new EpochRecord(epoch, values));
            ctxProgress(progress, task, epoch, epochs);
            if (stoppingOn) {
                double current = values.getOrDefault(stopping.monitor(), Double.NaN);
                if (stopping.improves(current, best)) {
                    best = current;
                    bestEpoch = epoch;
                    sinceBest = 0;
                    if (stopping.restoreBest()) {
                        bestParams = net.params().dup();
                    }
                } else if (++sinceBest >= stopping.patience()) {
                    break;
                }
            }
        }
        int kept = epoch;
        if (stoppingOn && stopping.restoreBest() && bestParams != null && bestEpoch != epoch) {
            net.setParams(bestParams);
            kept = bestEpoch;
        } else if (stoppingOn && stopping.restoreBest() && bestParams != null) {
            kept = bestEpoch;
        }
        if (epoch < epochs) {
            ctxProgress(progress, task, epochs, epochs); // stopped early: the work is done
        }
        return new TrainingHistory(records, kept);
    }

    private static void ctxProgress(ProgressListener progress, String task, long done, long total) {
        progress.update(task, done, total);
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
}
