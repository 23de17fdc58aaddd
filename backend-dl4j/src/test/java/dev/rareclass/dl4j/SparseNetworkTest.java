package dev.rareclass.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rareclass.dl4j.lean.LeanLayers;
import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.SparseRows;
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class SparseNetworkTest {

    static final int WORDS = 7;

    static FeatureMatrix tiny() {
        SparseRows words = SparseRows.ofRows(WORDS, new int[] {0, 3}, new int[] {}, new int[] {1, 2, 3, 6}, new int[] {6},
                new int[] {0, 1, 2, 3, 4, 5, 6});
        return FeatureMatrix.wrap(5, 0, new float[0]).withSparse(words);
    }

    /** The multi-hot rows as one dense matrix. */
    static INDArray denseInput(FeatureMatrix x) {
        FeatureMatrix hot = x.sparse().orElseThrow().toDense();
        return Nd4j.create(hot.data(), new long[] {hot.rows(), hot.cols()}, 'c');
    }

    /** The dense network with the sparse one's weights: W rows 1.. as the first DenseLayer's W, row 0 as its b. */
    static MultiLayerNetwork denseTwin(MultiLayerNetwork sparse, MlpParams p, int nIn) {
        MultiLayerNetwork dense = new MultiLayerNetwork(NetworkConfigs.build(p, nIn, 1, ClassWeights.NONE));
        dense.init();
        INDArray w = sparse.getLayer(0).getParam("W");
        dense.getLayer(0).setParam("W", w.get(NDArrayIndex.interval(1, w.rows()), NDArrayIndex.all()).dup());
        dense.getLayer(0).setParam("b", w.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all()).dup());
        for (int i = 1; i < dense.getLayers().length; i++) {
            dense.getLayer(i).setParams(sparse.getLayer(i + 2).params().dup());
        }
        return dense;
    }

    /** The simple names of the network's layer classes, in order (the lean ones are package-private elsewhere). */
    static List<String> layerNames(MultiLayerNetwork net) {
        return java.util.Arrays.stream(net.getLayers()).map(l -> l.getClass().getSimpleName()).toList();
    }

    @Test
    void embeddingSumEqualsADenseLayerOnMultiHotRowsAndTrainsTheSame() {
        FeatureMatrix x = tiny();
        INDArray y = Nd4j.create(new float[] {1, 0, 1, 0, 1}, new long[] {5, 1}, 'c');
        for (String activation : new String[] {"tanh", "relu"}) {
            // with an L2 penalty, which must spare the embedding's bias row as the dense layer spares its b
            MlpParams p = MlpParams.of(Hyperparameters.parse(List.of("hidden=4,3", "activation=" + activation,
                    "optimizer=rmsprop", "learning-rate=0.01", "l2=0.5")));
            MultiLayerNetwork sparse = new MultiLayerNetwork(NetworkConfigs.sparse(p, SparseInputs.inputSize(x), 7, ClassWeights.NONE));
            sparse.init();
            // non-zero bias row, so the bias takes part in the comparison
            sparse.getLayer(0).getParam("W").getRow(0).assign(0.25);
            LeanLayers.install(sparse); // as Dl4jTrainer does: the embedding sum and the activation after it in Java
            assertThat(layerNames(sparse)).startsWith("ScatterFreeEmbedding", "PooledGradient", "JavaActivation");
            MultiLayerNetwork dense = denseTwin(sparse, p, WORDS); // with DL4J's own dense layers, to compare with
            SparseInputs in = SparseInputs.of(x);
            INDArray hot = denseInput(x);
            for (int step = 0; step < 3; step++) {
                double[] got = sparse.output(in.ids(), false, in.mask(), null).toDoubleVector();
                double[] want = dense.output(hot, false).toDoubleVector();
                for (int r = 0; r < want.length; r++) {
                    assertThat(got[r]).as("%s step %d row %d", activation, step, r).isCloseTo(want[r], within(1e-5));
                }
                // one rmsprop step on each: the gradients (hence the updated weights) must agree too
                sparse.fit(in.ids(), y, in.mask(), null);
                dense.fit(hot, y);
            }
            INDArray w = sparse.getLayer(0).getParam("W");
            INDArray dw = dense.getLayer(0).getParam("W");
            assertThat(w.get(NDArrayIndex.interval(1, w.rows()), NDArrayIndex.all()).equalsWithEps(dw, 1e-5)).isTrue();
            assertThat(w.getRow(0).reshape(dense.getLayer(0).getParam("b").shape())
                    .equalsWithEps(dense.getLayer(0).getParam("b"), 1e-5)).isTrue();
        }
    }

    @Test
    void logisticWithoutHiddenLayersEqualsTheDenseLogistic() {
        FeatureMatrix x = tiny();
        MlpParams p = MlpParams.logistic(Hyperparameters.empty()).forRows(5);  // l2 = 1/5, the bias spared
        MultiLayerNetwork sparse = new MultiLayerNetwork(NetworkConfigs.sparse(p, SparseInputs.inputSize(x), 7, ClassWeights.NONE));
        sparse.init();
        LeanLayers.install(sparse);
        MultiLayerNetwork dense = new MultiLayerNetwork(NetworkConfigs.build(p, WORDS, 1, ClassWeights.NONE));
        dense.init();
        INDArray w = sparse.getLayer(0).getParam("W");
        dense.getLayer(0).setParam("W", w.get(NDArrayIndex.interval(1, w.rows()), NDArrayIndex.all()).dup());
        dense.getLayer(0).setParam("b", w.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all()).dup());
        sparse.getLayer(0).getParam("W").getRow(0).assign(-0.5);
        dense.getLayer(0).getParam("b").assign(-0.5);
        SparseInputs in = SparseInputs.of(x);
        INDArray y = Nd4j.create(new float[] {1, 0, 0, 0, 1}, new long[] {5, 1}, 'c');
        for (int step = 0; step < 4; step++) {
            assertThat(sparse.output(in.ids(), false, in.mask(), null).equalsWithEps(dense.output(denseInput(x), false), 1e-5))
                    .as("step %d", step).isTrue();
            sparse.fit(in.ids(), y, in.mask(), null);
            dense.fit(denseInput(x), y);
        }
    }

    @Test
    void theFeedersReusedBatchArraysTrainAsFreshArraysPerBatchDo() {
        int[] labels = new int[150];
        FeatureMatrix x = reviews(8, 150, labels);
        float[] y = new float[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[i];
        }
        MlpParams p = MlpParams.of(Hyperparameters.parse(List.of("hidden=8,4", "optimizer=rmsprop", "learning-rate=0.01")))
                .forRows(150);
        MultiLayerNetwork[] nets = new MultiLayerNetwork[2];
        for (int i = 0; i < 2; i++) {
            nets[i] = new MultiLayerNetwork(NetworkConfigs.sparse(p, SparseInputs.inputSize(x), 7, ClassWeights.NONE));
            nets[i].init();
            LeanLayers.install(nets[i]);
        }
        int[] order = new int[x.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = (i * 37) % order.length;
        }
        INDArray initial = nets[0].params().dup();
        EpochLoop.Feeder feeder = SparseInputs.feeder(x, y, 40); // batches of 40, 40, 40, 30: two array sets, refilled
        for (int epoch = 0; epoch < 2; epoch++) {
            feeder.epoch(nets[0], order);
            for (int start = 0; start < order.length; start += 40) {
                int end = Math.min(order.length, start + 40);
                SparseInputs in = SparseInputs.of(x, order, start, end); // new arrays, padded to the batch's longest row
                float[] by = new float[end - start];
                for (int i = start; i < end; i++) {
                    by[i - start] = y[order[i]];
                }
                nets[1].fit(in.ids(), Nd4j.create(by, new long[] {by.length, 1}, 'c'), in.mask(), null);
            }
        }
        assertThat(nets[0].params().equalsWithEps(nets[1].params(), 1e-6)).isTrue();
        assertThat(nets[0].params().equalsWithEps(initial, 1e-3)).as("the weights moved").isFalse();
    }

    /** Synthetic "reviews": words 0-9 lean positive, 10-19 negative (half the words), 20-199 noise; 3-12 words a row. */
    static FeatureMatrix reviews(long seed, int rows, int[] labels) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int[][] ids = new int[rows][];
        for (int r = 0; r < rows; r++) {
            labels[r] = rnd.nextInt(2);
            java.util.TreeSet<Integer> words = new java.util.TreeSet<>();
            int k = 3 + rnd.nextInt(10);
            while (words.size() < k) {
                double u = rnd.nextDouble();
                words.add(u < 0.5 ? (labels[r] == 1 ? 0 : 10) + rnd.nextInt(10) : 20 + rnd.nextInt(180));
            }
            ids[r] = words.stream().mapToInt(Integer::intValue).toArray();
        }
        return FeatureMatrix.wrap(rows, 0, new float[0]).withSparse(SparseRows.ofRows(200, ids));
    }

    @Test
    void mlpTrainsOnSparseTextScoresAndSurvivesTheCodec() {
        int[] labels = new int[600];
        FeatureMatrix x = reviews(3, 600, labels);
        dev.rareclass.domain.data.Labels y = dev.rareclass.domain.data.Labels.of(labels);
        int[] vl = new int[200];
        FeatureMatrix vx = reviews(4, 200, vl);
        dev.rareclass.domain.data.Labels vy = dev.rareclass.domain.data.Labels.of(vl);
        Hyperparameters hp = Hyperparameters.parse(List.of("hidden=16,16", "optimizer=rmsprop", "learning-rate=0.01", "epochs=15", "batch-size=64"));
        dev.rareclass.domain.model.TrainedClassifier model = new MlpTrainerFactory().create(hp)
                .train(x, y, dev.rareclass.domain.model.TrainingContext.ofSeed(5).withValidation(vx, vy));
        double[] scores = model.scores(vx);
        double auc = Synthetic.auc(scores, vy);
        assertThat(auc).isGreaterThan(0.9);
        assertThat(model.history().orElseThrow().epochs()).hasSize(15);
        assertThat(model.summary()).contains("embedding-sum").contains("201 -> 16");
        Dl4jModelCodec codec = new Dl4jModelCodec();
        dev.rareclass.domain.model.TrainedClassifier back = codec.decode(codec.encode(model), "mlp", model.params(), null);
        assertThat(back.scores(vx)).containsExactly(scores, within(1e-6));
        // the dense path on the same rows learns the same task
        FeatureMatrix dense = x.sparse().orElseThrow().toDense();
        dev.rareclass.domain.model.TrainedClassifier denseModel = new MlpTrainerFactory().create(hp)
                .train(dense, y, dev.rareclass.domain.model.TrainingContext.ofSeed(5));
        double denseAuc = Synthetic.auc(denseModel.scores(vx.sparse().orElseThrow().toDense()), vy);
        assertThat(auc).isCloseTo(denseAuc, within(0.03));
    }

    /** The text-only logistic network is the embedding-sum of one unit and its sigmoid: a logistic network, loaded as one. */
    @Test
    void logisticOnSparseTextSurvivesTheCodec() {
        int[] labels = new int[200];
        FeatureMatrix x = reviews(3, 200, labels);
        dev.rareclass.domain.model.TrainedClassifier model = new LogisticNetworkFactory()
                .create(Hyperparameters.parse(List.of("epochs=3")))
                .train(x, dev.rareclass.domain.data.Labels.of(labels), dev.rareclass.domain.model.TrainingContext.ofSeed(5));
        Dl4jModelCodec codec = new Dl4jModelCodec();
        assertThat(codec.decode(codec.encode(model), "logistic", model.params(), null).scores(x))
                .containsExactly(model.scores(x), within(1e-6));
    }

    @Test
    void textWithOtherColumnsIsMadeDense() {
        int[] labels = new int[100];
        FeatureMatrix words = reviews(6, 100, labels);
        float[] extra = new float[100];
        for (int i = 0; i < extra.length; i++) {
            extra[i] = labels[i] * 0.5f;
        }
        FeatureMatrix x = FeatureMatrix.wrap(100, 1, extra).withSparse(words.sparse().orElseThrow());
        dev.rareclass.domain.model.TrainedClassifier model = new MlpTrainerFactory()
                .create(Hyperparameters.parse(List.of("epochs=2")))
                .train(x, dev.rareclass.domain.data.Labels.of(labels), dev.rareclass.domain.model.TrainingContext.ofSeed(1));
        assertThat(model.scores(x)).hasSize(100);
        assertThat(model.summary()).contains("201 -> 16");
    }
}
