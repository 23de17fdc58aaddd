package dev.rareclass.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The module and its factories must not load ND4J or javacpp: a run using another backend never pays for,
 * or risks failing on, the natives. Other tests in this JVM do load ND4J, so the check runs in a fresh
 * class loader over the test class path and lists every class that loader defines.
 */
class Dl4jModuleTest {

    /** A class loader that remembers what it defined; its parent (the platform loader) holds only the JDK. */
    static final class RecordingLoader extends URLClassLoader {
        final Set<String> defined = ConcurrentHashMap.newKeySet();

        RecordingLoader(URL[] urls) {
            super("isolated", urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> c = super.findClass(name);
            defined.add(name);
            return c;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> probe(RecordingLoader loader, boolean create) throws Exception {
        Class<?> probe = Class.forName(NativeFreeProbe.class.getName(), true, loader);
        return ((Function<Boolean, List<String>>) probe.getConstructor().newInstance()).apply(create);
    }

    private static RecordingLoader isolated() {
        URL[] urls = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(p -> {
            try {
                return new File(p).toURI().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(URL[]::new);
        return new RecordingLoader(urls);
    }

    @Test
    void bindsTrainersAndCodecWithoutLoadingDl4jClasses() throws Exception {
        try (RecordingLoader loader = isolated()) {
            List<String> seen = probe(loader, false);
            assertThat(seen).containsExactly(
                    "autoencoder@dl4j autoencoder@dl4j 18 false",
                    "logistic@dl4j logistic@dl4j 11 true",
                    "mlp@dl4j mlp@dl4j 17 true",
                    "codec dl4j dl4j");
            assertThat(loader.defined).as("the probe ran in the isolated loader").contains(Dl4jModule.class.getName());
            assertThat(loader.defined).noneMatch(n -> n.startsWith("org.nd4j.") || n.startsWith("org.bytedeco.")
                    || n.startsWith("org.deeplearning4j."));
        }
    }

    @Test
    void createValidatesWithoutLoadingNatives() throws Exception {
        try (RecordingLoader loader = isolated()) {
            probe(loader, true);
            assertThat(loader.defined).noneMatch(n -> n.startsWith("org.bytedeco.") || n.equals("org.nd4j.linalg.factory.Nd4j"));
        }
    }
}
