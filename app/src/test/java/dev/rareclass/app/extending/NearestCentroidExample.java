package dev.rareclass.app.extending;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelCodec;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainerFactory;
import dev.rareclass.domain.model.TrainingContext;
import dev.rareclass.domain.model.TrainingHistory;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * docs/EXTENDING.md, "A new classifier": a whole backend named {@code example} with one model kind,
 * {@code nearest-centroid}, and its codec — the three pieces every classifier has, plus one Guice module.
 */
public final class NearestCentroidExample {

    private NearestCentroidExample() {
    }

    /** 1. The validated parameters: one record, built from --param key=value at the edge. */
    record Params(double temperature) {
        Params {
            if (!(temperature > 0)) {
                throw new dev.rareclass.domain.error.UsageException("temperature must be > 0, got " + temperature);
            }
        }

        static Params of(Hyperparameters p) {
            p.requireKnown(Set.of("temperature"), "nearest-centroid@example");
            return new Params(p.decimal("temperature", 1.0, 1e-6, 1e6));
        }
    }

    /** 2. The factory: cheap to create, registered under kind@backend. */
    static final class Factory implements TrainerFactory {
        @Override
        public String kind() {
            return "nearest-centroid";
        }

        @Override
        public String backend() {
            return "example";
        }

        @Override
        public Set<String> parameterNames() {
            return Set.of("temperature");
        }

        @Override
        public boolean supportsClassWeights() {
            return false;
        }

        @Override
        public ClassifierTrainer create(Hyperparameters params) {
            Params p = Params.of(params);
            return (x, y, ctx) -> train(x, y, p, params);
        }
    }

    static Centroids train(FeatureMatrix x, Labels y, Params p, Hyperparameters raw) {
        int d = x.cols();
        double[] pos = new double[d];
        double[] neg = new double[d];
        for (int r = 0; r < x.rows(); r++) {
            double[] target = y.get(r) == 1 ? pos : neg;
            double n = y.get(r) == 1 ? y.positives() : y.negatives();
            for (int c = 0; c < d; c++) {
                target[c] += x.get(r, c) / n;
            }
        }
        return new Centroids(pos, neg, p.temperature(), raw);
    }

    /** 3. The trained, immutable classifier: it only scores. */
    record Centroids(double[] pos, double[] neg, double temperature, Hyperparameters params) implements TrainedClassifier {
        @Override
        public String kind() {
            return "nearest-centroid";
        }

        @Override
        public String backend() {
            return "example";
        }

        @Override
        public double[] scores(FeatureMatrix x) {
            double[] out = new double[x.rows()];
            for (int r = 0; r < x.rows(); r++) {
                double dp = 0;
                double dn = 0;
                for (int c = 0; c < x.cols(); c++) {
                    dp += Math.pow(x.get(r, c) - pos[c], 2);
                    dn += Math.pow(x.get(r, c) - neg[c], 2);
                }
                out[r] = 1 / (1 + Math.exp((dp - dn) / temperature));
            }
            return out;
        }

        @Override
        public ScoreKind scoreKind() {
            return ScoreKind.PROBABILITY;
        }

        @Override
        public String summary() {
            return "nearest centroid, " + pos.length + " features";
        }
    }

    /** 4. The codec: the backend's own safe format (here: the doubles, no Java serialization). */
    static final class Codec implements ModelCodec {
        @Override
        public String backend() {
            return "example";
        }

        @Override
        public byte[] encode(TrainedClassifier classifier) {
            Centroids c = (Centroids) classifier;
            ByteBuffer b = ByteBuffer.allocate(4 + 8 * (2 * c.pos().length + 1));
            b.putInt(c.pos().length);
            for (double v : c.pos()) {
                b.putDouble(v);
            }
            for (double v : c.neg()) {
                b.putDouble(v);
            }
            b.putDouble(c.temperature());
            return b.array();
        }

        @Override
        public TrainedClassifier decode(byte[] bytes, String kind, Hyperparameters params, TrainingHistory history) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            int d = b.getInt();
            double[] pos = new double[d];
            double[] neg = new double[d];
            for (int i = 0; i < d; i++) {
                pos[i] = b.getDouble();
            }
            for (int i = 0; i < d; i++) {
                neg[i] = b.getDouble();
            }
            return new Centroids(pos, neg, b.getDouble(), params);
        }
    }

    /** 5. The binding: one module adds the factory and the codec to the MapBinders by name. */
    public static final class Module extends AbstractModule {
        @Override
        protected void configure() {
            MapBinder.newMapBinder(binder(), String.class, TrainerFactory.class)
                    .addBinding("nearest-centroid@example").to(Factory.class);
            MapBinder.newMapBinder(binder(), String.class, ModelCodec.class).addBinding("example").to(Codec.class);
        }
    }

    /** Keeps TrainingContext referenced for readers of the example: trainers receive seed, weights, validation. */
    static TrainingContext context(long seed) {
        return TrainingContext.ofSeed(seed);
    }
}
