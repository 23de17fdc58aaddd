package dev.rareclass.xgboost;

import dev.rareclass.domain.model.BackgroundWarmUp;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Loads XGBoost's native library on first use. xgboost4j loads it in a static initialiser of its JNI class, the
 * first time a {@code DMatrix} or {@code Booster} is made; nothing the Guice module or the factory touches does
 * that, so a run without an xgboost model never loads it.
 */
final class XgboostRuntime {

    private XgboostRuntime() {
    }

    private static final BackgroundWarmUp WARM_UP = new BackgroundWarmUp("rareclass-xgboost-warm-up",
            XgboostRuntime::ensureLoaded);

    /** Initialisation-on-demand holder: the JVM runs this once, thread-safely; other callers wait for it. */
    private static final class Holder {
        static final boolean READY = load();

        private static boolean load() {
            try {
                // extracts libxgboost4j.so from the jar and loads it (about 0.1 s), then makes one tiny matrix
                new DMatrix(new float[] {0f}, 1, 1, Float.NaN).dispose();
                return true;
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost's native library does not work here: " + e.getMessage(), e);
            }
        }
    }

    /** Makes sure the natives are loaded, waiting for a warm-up in progress. */
    static void ensureLoaded() {
        if (!Holder.READY) {
            throw new IllegalStateException("XGBoost was not loaded");
        }
    }

    /**
     * On a daemon thread: loads the natives; returns at once, so that this overlaps reading the data. A training
     * that starts before it is done waits for it. Failures are left to that training, which reports them.
     */
    static void warmUpInBackground() {
        WARM_UP.start();
    }
}
