package dev.rareclass.dl4j.bench;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainingContext;
import dev.rareclass.dl4j.MlpTrainerFactory;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Time per training step of {@code mlp@dl4j} on 20,000 × 30 rows, 16-16-1 tanh, adam, batch 64 (313 steps an
 * epoch). Not a test (surefire runs only *Test): run it by hand, once per thread setting, e.g.
 * <pre>
 * OMP_NUM_THREADS=2 java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
 *   -Dorg.bytedeco.javacpp.nopointergc=true -cp target/test-classes:target/classes:$CP \
 *   dev.rareclass.dl4j.bench.TrainingStepBench [gc=off|on] [epochs=5]
 * </pre>
 * {@code gc=on} re-enables ND4J's periodic System.gc() after the trainer turned it off. The first epoch-long
 * run warms up the JIT and loads the natives and is not timed.
 */
public final class TrainingStepBench {

    private TrainingStepBench() {
    }

    public static void main(String[] args) {
        boolean gc = false;
        int epochs = 5;
        for (String a : args) {
            if (a.startsWith("gc=")) {
                gc = a.substring(3).equals("on");
            } else if (a.startsWith("epochs=")) {
                epochs = Integer.parseInt(a.substring(7));
            }
        }
        int rows = 20_000;
        int cols = 30;
        Random rnd = new Random(42);
        float[] x = new float[rows * cols];
        int[] y = new int[rows];
        for (int r = 0; r < rows; r++) {
            y[r] = rnd.nextDouble() < 0.05 ? 1 : 0;
            for (int c = 0; c < cols; c++) {
                x[r * cols + c] = (float) (rnd.nextGaussian() + y[r] * 0.5);
            }
        }
        FeatureMatrix fx = FeatureMatrix.wrap(rows, cols, x);
        Labels ly = Labels.wrap(y);
        MlpTrainerFactory factory = new MlpTrainerFactory();

        train(factory, fx, ly, 1); // warm-up: natives, JIT, workspaces; also applies the trainer's GC setting
        Nd4j.getMemoryManager().togglePeriodicGc(gc);

        long steps = (long) epochs * ((rows + 63) / 64);
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            train(factory, fx, ly, epochs);
            double perStepUs = (System.nanoTime() - t0) / 1e3 / steps;
            best = Math.min(best, perStepUs);
            System.out.printf("run %d: %.1f µs/step%n", rep + 1, perStepUs);
        }
        System.out.printf("OMP_NUM_THREADS=%s gc=%s: best %.1f µs/step (%d steps a run, %.2f s an epoch)%n",
                System.getenv("OMP_NUM_THREADS"), gc ? "on" : "off", best, steps, best * ((rows + 63) / 64) / 1e6);
    }

    private static void train(MlpTrainerFactory factory, FeatureMatrix x, Labels y, int epochs) {
        factory.create(Hyperparameters.parse(List.of("hidden=16,16", "activation=tanh", "optimizer=adam",
                "learning-rate=0.001", "batch-size=64", "l2=0", "epochs=" + epochs))).train(x, y, TrainingContext.ofSeed(1));
    }
}
