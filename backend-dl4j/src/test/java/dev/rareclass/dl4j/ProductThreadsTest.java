package dev.rareclass.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The same seed gives the same network and scores whatever number of threads OpenBLAS was set to (by
 * {@code OMP_NUM_THREADS} at start-up, or by anything in the process): layers above 64 × 64 run their products on
 * OpenBLAS, whose sums round differently when it splits them between threads.
 */
class ProductThreadsTest {

    private static final Synthetic.Data BLOBS = Synthetic.blobs(3, 1500, 6, 0.2, 1.0);

    @AfterEach
    void restore() {
        Dl4jRuntime.pinProductThreads();
    }

    private static double[] trainAndScore(int blasThreads, String kind) {
        Dl4jRuntime.ensureConfigured();
        Nd4j.factory().blas().setMaxThreads(blasThreads); // as OMP_NUM_THREADS=N would have made it
        List<String> p = kind.equals("mlp")
                ? List.of("hidden=128,128", "epochs=2", "batch-size=all", "l2=0")
                : List.of("layers=128,96,128", "epochs=2", "batch-size=1500");
        var factory = kind.equals("mlp") ? new MlpTrainerFactory() : new AutoencoderTrainerFactory();
        TrainedClassifier model = factory.create(Hyperparameters.parse(p)).train(BLOBS.x(), BLOBS.y(),
                TrainingContext.ofSeed(9));
        Nd4j.factory().blas().setMaxThreads(blasThreads == 1 ? 2 : 1); // and scoring on yet another setting
        return model.scores(BLOBS.x());
    }

    /** The largest difference between two runs' scores, 0 when they agree to the bit. */
    private static double largestDifference(String kind) {
        double[] one = trainAndScore(1, kind);
        double[] two = trainAndScore(2, kind);
        assertThat(two).hasSameSizeAs(one);
        double most = 0;
        for (int i = 0; i < one.length; i++) {
            most = Math.max(most, Math.abs(one[i] - two[i]));
        }
        return most;
    }

    @Test
    void mlpScoresDoNotDependOnOpenBlasThreads() {
        assertThat(largestDifference("mlp")).isZero();
    }

    @Test
    void autoencoderScoresDoNotDependOnOpenBlasThreads() {
        assertThat(largestDifference("autoencoder")).isZero();
    }
}
