package dev.rareclass.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A weight of 9 on a row must act exactly like that row repeated 9 times. With plain SGD and mean losses,
 * 4 weighted rows (total weight 12) versus 12 repeated rows differ only by the divisor: 3× the step.
 */
class WeightedBinaryXentTest {

    private static MultiLayerNetwork net(ClassWeights w) {
        MlpParams p = MlpParams.of(Hyperparameters.parse(List.of("hidden=4", "optimizer=sgd", "learning-rate=0.1", "l2=0")));
        MultiLayerNetwork net = new MultiLayerNetwork(NetworkConfigs.build(p, 2, 1, w));
        net.init();
        return net;
    }

    @Test
    void weightingEqualsRepeatingRows() {
        float[][] rows = {{1, 2}, {-1, 0.5f}, {0.3f, -2}, {2, 2}};
        int[] labels = {1, 0, 0, 1};
        // positives weigh 9 → each positive row appears 9 times in the repeated set: 2·9 + 2 = 20 rows
        float[] x = new float[8];
        float[] y = new float[4];
        float[] xr = new float[40];
        float[] yr = new float[20];
        int k = 0;
        for (int r = 0; r < 4; r++) {
            x[2 * r] = rows[r][0];
            x[2 * r + 1] = rows[r][1];
            y[r] = labels[r];
            for (int rep = 0; rep < (labels[r] == 1 ? 9 : 1); rep++, k++) {
                xr[2 * k] = rows[r][0];
                xr[2 * k + 1] = rows[r][1];
                yr[k] = labels[r];
            }
        }
        INDArray fx = Nd4j.create(x, new long[] {4, 2}, 'c');
        INDArray fy = Nd4j.create(y, new long[] {4, 1}, 'c');
        INDArray rx = Nd4j.create(xr, new long[] {20, 2}, 'c');
        INDArray ry = Nd4j.create(yr, new long[] {20, 1}, 'c');

        MultiLayerNetwork weighted = net(new ClassWeights(9, 1));
        MultiLayerNetwork repeated = net(ClassWeights.NONE);
        INDArray start = weighted.params().dup();
        assertThat(repeated.params()).isEqualTo(start);

        // mean weighted loss over 4 rows = (sum over 20 repeated rows) / 4 = 5 × mean over 20 rows
        assertThat(weighted.score(new DataSet(fx, fy), false))
                .isCloseTo(5 * repeated.score(new DataSet(rx, ry), false), within(1e-4));

        weighted.fit(fx, fy);
        repeated.fit(rx, ry);
        INDArray stepWeighted = weighted.params().sub(start);
        INDArray stepRepeated = repeated.params().sub(start).muli(5);
        assertThat(stepWeighted.equalsWithEps(stepRepeated, 1e-5)).as("%s vs %s", stepWeighted, stepRepeated).isTrue();
    }

    @Test
    void uniformWeightsMatchDl4jsBinaryCrossEntropy() {
        MultiLayerNetwork ours = new MultiLayerNetwork(NetworkConfigs.build(
                MlpParams.of(Hyperparameters.parse(List.of("hidden=3", "l2=0"))), 2, 7, new ClassWeights(1, 1)));
        ours.init();
        INDArray x = Nd4j.create(new float[] {0.5f, -1, 1, 1, -2, 0}, new long[] {3, 2}, 'c');
        INDArray y = Nd4j.create(new float[] {1, 0, 1}, new long[] {3, 1}, 'c');
        double dl4j = ours.score(new DataSet(x, y), false);
        MultiLayerNetwork same = new MultiLayerNetwork(NetworkConfigs.build(
                MlpParams.of(Hyperparameters.parse(List.of("hidden=3", "l2=0"))), 2, 7, new ClassWeights(2, 2)));
        same.init();
        // 2:2 uses WeightedBinaryXent and must be exactly twice LossBinaryXENT on the same weights
        assertThat(same.params()).isEqualTo(ours.params());
        assertThat(same.score(new DataSet(x, y), false)).isCloseTo(2 * dl4j, within(1e-5));
    }
}
