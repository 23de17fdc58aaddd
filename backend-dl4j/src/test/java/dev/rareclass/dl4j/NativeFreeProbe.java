package dev.rareclass.dl4j;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelCodec;
import dev.rareclass.domain.model.TrainerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Run inside an isolated class loader by {@link Dl4jModuleTest}: does what a run that never trains a DL4J
 * model does with this module. {@code apply(true)} additionally calls {@code create}.
 */
public final class NativeFreeProbe implements Function<Boolean, List<String>> {

    @Override
    public List<String> apply(Boolean create) {
        Injector injector = Guice.createInjector(new Dl4jModule());
        Map<String, TrainerFactory> trainers = new TreeMap<>(injector.getInstance(Key.get(new TypeLiteral<Map<String, TrainerFactory>>() { })));
        Map<String, ModelCodec> codecs = injector.getInstance(Key.get(new TypeLiteral<Map<String, ModelCodec>>() { }));
        List<String> out = new ArrayList<>();
        trainers.forEach((name, f) -> {
            out.add(name + " " + f.kind() + "@" + f.backend() + " " + f.parameterNames().size() + " " + f.supportsClassWeights());
            if (create) {
                f.create(Hyperparameters.empty());
            }
        });
        codecs.forEach((name, c) -> out.add("codec " + name + " " + c.backend()));
        return out;
    }
}
