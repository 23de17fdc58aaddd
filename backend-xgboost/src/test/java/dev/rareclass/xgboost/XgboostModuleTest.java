package dev.rareclass.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelCodec;
import dev.rareclass.domain.model.TrainerFactory;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Binding the module, making its factory and codec and validating parameters load none of xgboost4j's classes
 * (its JNI class loads the native library) but its exception: checked in a fresh class loader that lists what it defines, since
 * other tests in this JVM do load XGBoost.
 */
class XgboostModuleTest {

    /** Run inside the isolated loader: what a run that never trains an xgboost model does with this module. */
    public static final class Probe implements Function<Boolean, List<String>> {
        @Override
        public List<String> apply(Boolean create) {
            Injector injector = Guice.createInjector(new XgboostModule());
            Map<String, TrainerFactory> trainers = new TreeMap<>(injector.getInstance(Key.get(new TypeLiteral<Map<String, TrainerFactory>>() { })));
            Map<String, ModelCodec> codecs = injector.getInstance(Key.get(new TypeLiteral<Map<String, ModelCodec>>() { }));
            List<String> out = new ArrayList<>();
            trainers.forEach((name, f) -> {
                out.add(name + " " + f.kind() + "@" + f.backend() + " " + f.parameterNames().size() + " " + f.supportsClassWeights());
                if (create) {
                    f.create(Hyperparameters.parse(List.of("trees=3", "threads=2")));
                }
            });
            codecs.forEach((name, c) -> out.add("codec " + name + " " + c.backend()));
            return out;
        }
    }

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
    private static List<String> probe(boolean create, Set<String> defined) throws Exception {
        URL[] urls = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(p -> {
            try {
                return new File(p).toURI().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(URL[]::new);
        try (RecordingLoader loader = new RecordingLoader(urls)) {
            Class<?> probe = Class.forName(Probe.class.getName(), true, loader);
            List<String> out = ((Function<Boolean, List<String>>) probe.getConstructor().newInstance()).apply(create);
            assertThat(loader.defined).as("the probe ran in the isolated loader").contains(XgboostModule.class.getName());
            defined.addAll(loader.defined);
            return out;
        }
    }

    @Test
    void bindsTheTrainerAndCodecWithoutLoadingXgboost() throws Exception {
        Set<String> defined = ConcurrentHashMap.newKeySet();
        assertThat(probe(true, defined)).containsExactly(
                "gradient-boosting@xgboost gradient-boosting@xgboost 12 true",
                "codec xgboost xgboost");
        // the JVM's verifier may load XGBoostError (a plain exception named in a catch) when create() makes the
        // trainer; nothing of xgboost4j else, and nothing that loads its natives
        assertThat(defined).noneMatch(n -> n.startsWith("ml.dmlc.") && !n.equals("ml.dmlc.xgboost4j.java.XGBoostError"));
    }
}
