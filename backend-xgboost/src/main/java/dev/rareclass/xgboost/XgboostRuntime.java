package dev.rareclass.xgboost;

import dev.rareclass.domain.model.BackgroundWarmUp;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** XGBoost fits running now in this JVM, to share the cores between them. */
    private static final AtomicInteger RUNNING_FITS = new AtomicInteger();

    /**
     * Threads for a fit that asked for {@code requested} ({@code 0}: its share of the cores, the processors
     * divided by the XGBoost fits running now, this one included). Pair with {@link #fitDone()}.
     */
    static int fitStarted(int requested) {
        RUNNING_FITS.incrementAndGet();
        return threadsNow(requested);
    }

    /**
     * Threads for a running fit that asked for {@code requested}, as the cores are shared now: a fit that started
     * alone gives up its second core when another starts beside it (compare's folds), between two rounds.
     */
    static int threadsNow(int requested) {
        return requested > 0 ? requested
                : Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, RUNNING_FITS.get()));
    }

    static void fitDone() {
        RUNNING_FITS.decrementAndGet();
    }

    /**
     * Lets XGBoost's OpenMP regions started from the calling thread use {@code threads} threads. XGBoost caps its
     * {@code nthread} at OpenMP's {@code omp_get_max_threads()}, which the launcher's {@code OMP_NUM_THREADS=1}
     * (there for DL4J's small networks) makes 1; {@code omp_set_num_threads} changes that value for the calling
     * thread only, so a DL4J fit on another thread keeps its single thread. Where libgomp cannot be found the
     * environment's limit stays.
     */
    static void useThreads(int threads) {
        Gomp.OMP_SET_NUM_THREADS.ifPresent(h -> {
            try {
                h.invokeExact(threads);
            } catch (Throwable e) {
                // the environment's limit stays; results do not depend on the number of threads
            }
        });
    }

    /** Looked up on first use, after XGBoost's natives (class initialisation of this holder, not of the runtime). */
    private static final class Gomp {
        /** libgomp's {@code omp_set_num_threads}, from the copy XGBoost's library loaded (same soname, same copy). */
        static final Optional<MethodHandle> OMP_SET_NUM_THREADS = ompSetNumThreads();
    }

    private static Optional<MethodHandle> ompSetNumThreads() {
        try {
            ensureLoaded();
            SymbolLookup gomp = SymbolLookup.libraryLookup("libgomp.so.1", Arena.global());
            return gomp.find("omp_set_num_threads").map(symbol -> Linker.nativeLinker().downcallHandle(symbol,
                    FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT)));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
