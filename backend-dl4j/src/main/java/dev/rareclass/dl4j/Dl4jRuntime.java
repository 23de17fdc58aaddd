package dev.rareclass.dl4j;

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

    static void ensureConfigured() {
        if (!Holder.READY) {
            throw new IllegalStateException("ND4J was not configured");
        }
    }
}
