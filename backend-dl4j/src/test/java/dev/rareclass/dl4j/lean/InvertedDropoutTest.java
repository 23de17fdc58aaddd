package dev.rareclass.dl4j.lean;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link InvertedDropout} against DL4J's {@link Dropout} and ND4J's native op: the same masks to the bit, the same
 * generator state afterwards, the same backprop.
 */
class InvertedDropoutTest {

    /**
     * The draws, on 8 million elements at each of six retain probabilities. The rule at the boundary matters: with
     * {@code r} from the draw's bits rounded to the nearest float (rather than its top 23 bits), or compared in
     * double, about one element in ten million comes out differently, so this many draws catch a wrong rule.
     */
    @Test
    void drawsWhatTheNativeOpDraws() {
        int n = 1 << 23;
        for (double p : new double[] {0.5, 0.7, 0.75, 0.8, 0.9, 0.95}) {
            Nd4j.getRandom().setSeed(Math.round(p * 1000));
            long root = Nd4j.getRandom().rootState();
            long node = Nd4j.getRandom().nodeState();
            INDArray nativeMask = Nd4j.ones(DataType.FLOAT, n);
            Nd4j.getExecutioner().exec(new DropOutInverted(nativeMask, nativeMask, p));
            float[] expected = nativeMask.data().asFloat();
            float[] mine = new float[n];
            InvertedDropout.draw(root, node, (float) p, mine);
            int differing = 0;
            for (int i = 0; i < n; i++) {
                if (Float.floatToRawIntBits(mine[i]) != Float.floatToRawIntBits(expected[i])) {
                    differing++;
                }
            }
            assertThat(differing).as("elements differing at p = %s", p).isZero();
            assertThat(Nd4j.getRandom().rootState()).isEqualTo(root);
            assertThat(Nd4j.getRandom().nodeState()).isEqualTo(InvertedDropout.advance(node, n));
        }
    }

    @Test
    void matchesDl4jsDropoutForwardAndBack() {
        INDArray big = LeanDenseTest.matrix(5, 300, 70);
        INDArray[] inputs = {
            LeanDenseTest.matrix(1, 2048, 64), // row-major
            LeanDenseTest.matrix(2, 37, 19).dup('f'), // column-major: DL4J's mask is laid out (and drawn) that way
            big.get(NDArrayIndex.interval(3, 250), NDArrayIndex.interval(5, 60)), // a view, not one block
            LeanDenseTest.matrix(3, 1, 7),
        };
        for (INDArray input : inputs) {
            for (double p : new double[] {0.7, 0.5}) {
                INDArray epsilon = LeanDenseTest.matrix(4, (int) input.size(0), (int) input.size(1));
                Nd4j.getRandom().setSeed(42);
                Dropout dl4j = new Dropout(p);
                INDArray expected = dl4j.applyDropout(input, input.ulike(), 0, 0, LayerWorkspaceMgr.noWorkspaces());
                INDArray expectedGrad = epsilon.dup();
                dl4j.backprop(expectedGrad, expectedGrad, 0, 0);
                long node = Nd4j.getRandom().nodeState();
                float nextNative = Nd4j.getRandom().nextFloat();

                Nd4j.getRandom().setSeed(42);
                InvertedDropout mine = new InvertedDropout();
                INDArray inputBefore = input.dup();
                INDArray got = mine.apply(new Dropout(p), input, false, LayerWorkspaceMgr.noWorkspaces());
                INDArray gotGrad = epsilon.dup();
                assertThat(mine.backprop(gotGrad)).isTrue();
                assertThat(Nd4j.getRandom().nodeState()).isEqualTo(node);
                assertThat(Nd4j.getRandom().nextFloat()).isEqualTo(nextNative);

                assertThat(got.ordering()).isEqualTo(expected.ordering());
                assertThat(got).isEqualTo(expected);
                assertThat(gotGrad).isEqualTo(expectedGrad);
                assertThat(input).as("the input is left alone").isEqualTo(inputBefore);
                // and the mask did drop something and keep something
                assertThat(got.eq(0).castTo(DataType.INT).sumNumber().intValue()).isBetween(1, (int) got.length() - 1);
                // the mask is used once
                assertThat(mine.backprop(gotGrad)).isFalse();
            }
        }
    }

    @Test
    void leavesOtherDropoutsToDl4j() {
        INDArray input = LeanDenseTest.matrix(1, 8, 4);
        InvertedDropout mine = new InvertedDropout();
        LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
        assertThat(mine.apply(new org.deeplearning4j.nn.conf.dropout.AlphaDropout(0.7), input, false, none)).isNull();
        assertThat(mine.apply(new Dropout(new org.nd4j.linalg.schedule.StepSchedule(
                org.nd4j.linalg.schedule.ScheduleType.ITERATION, 0.7, 0.5, 10)), input, false, none)).isNull();
        assertThat(mine.apply(new Dropout(0.7), input.castTo(DataType.DOUBLE), false, none)).isNull();
        assertThat(mine.backprop(input.dup())).isFalse();
    }
}
