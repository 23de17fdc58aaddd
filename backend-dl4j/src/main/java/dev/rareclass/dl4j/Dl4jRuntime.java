package dev.rareclass.dl4j;

import dev.rareclass.domain.model.BackgroundWarmUp;
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.Hyperparameters;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One-time ND4J settings, applied on first training or scoring rather than at class load of anything the
 * Guice module touches, so that natives load only when a DL4J model is actually used.
 */
final class Dl4jRuntime {

    private Dl4jRuntime() {
    }

    /** Initialisation-on-demand holder: the JVM runs this exactly once, thread-safely. */
    private static final class Holder {
        static final boolean READY = configure();

        private static boolean configure() {
            // ND4J's periodic System.gc() (to free off-heap buffers) costs far more than it saves for the
            // small, workspace-backed networks trained here; the measured step time drops with it off.
            Nd4j.getMemoryManager().togglePeriodicGc(false);
            return true;
        }
    }

    /** What seed 0 becomes, see {@link #seed}. */
    static final long ZERO_SEED = 0x2545F4914F6CDD1DL;

    /**
     * The seed handed to DL4J and ND4J for a rareclass seed: the same, except 0. DL4J 1.0.0-M2.1 does not
     * reproduce seed 0: two networks configured with {@code seed(0)} and initialised after
     * {@code Nd4j.getRandom().setSeed(0)} in one process got different weights (so {@code --seed 0} gave a
     * different first fold on every run), while any other seed gives the same weights every time.
     */
    static long seed(long seed) {
        return seed != 0 ? seed : ZERO_SEED;
    }

    private static final BackgroundWarmUp WARM_UP = new BackgroundWarmUp("rareclass-dl4j-warm-up", () -> {
        ensureConfigured();
        // DL4J's JSON mapper and its (de)serializers for the usual layers, built on first use: 0.2 s of
        // class loading and annotation scanning that saving (or loading) a network would otherwise wait for
        var conf = NetworkConfigs.build(MlpParams.of(Hyperparameters.empty()).forRows(2), 2, 1, ClassWeights.NONE);
        MultiLayerConfiguration.fromJson(conf.toJson());
    });

    /**
     * On a daemon thread: loads ND4J's natives and applies the settings (about half a second), then readies DL4J's
     * JSON mapper; returns at once, so that this overlaps whatever the caller does next. A training that starts
     * before it is done waits for it. Failures are left to that training, which reports them.
     */
    static void warmUpInBackground() {
        WARM_UP.start();
    }

    static void ensureConfigured() {
        if (!Holder.READY) {
            throw new IllegalStateException("ND4J was not configured");
        }
        pinProductThreads();
    }

    /** The OpenBLAS threads every product of a network runs on, whatever the environment asks for. */
    static final int PRODUCT_THREADS = 1;

    /**
     * Keeps OpenBLAS on {@link #PRODUCT_THREADS} thread, checked before every training and scoring (anything in the
     * process may have changed it since). OpenBLAS splits a product's work by its thread count, and the parts' sums
     * round differently: a 128-128 network's scores moved by up to 2e-7 between {@code OMP_NUM_THREADS=1} and 2
     * (which OpenBLAS reads at start-up), where the same seed must give the same numbers on any number of threads.
     * One thread is the launcher's default already and, on the 2-core machines measured, the faster setting; the
     * layers up to 64 × 64 never reach OpenBLAS (they are computed in Java), and {@code --jobs} runs folds side by side.
     */
    static void pinProductThreads() {
        var blas = Nd4j.factory().blas();
        if (blas.getMaxThreads() != PRODUCT_THREADS) {
            blas.setMaxThreads(PRODUCT_THREADS);
        }
    }
}
