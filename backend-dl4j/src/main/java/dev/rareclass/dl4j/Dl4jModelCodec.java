package dev.rareclass.dl4j;

import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelCodec;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingHistory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Saves DL4J networks in DL4J's own zip format (JSON configuration plus binary coefficients), without the
 * updater state: a saved model only scores. Kind, parameters and history live in the store's manifest and
 * come back through {@link #decode}.
 *
 * <p>DL4J calls sit in {@code Dl4jSerialization} so that constructing this codec (Guice does, for every
 * run) loads no DL4J class.
 *
 * <p>Safety: DL4J's {@code ModelSerializer.restoreMultiLayerNetwork} would Java-deserialize a {@code preprocessor.bin}
 * entry if one were present. {@link #decode} therefore accepts only the entries {@link #encode} writes and
 * rejects anything else before DL4J sees the bytes.
 */
public final class Dl4jModelCodec implements ModelCodec {

    /** What {@code ModelSerializer.writeModel(net, out, false)} writes; {@code noParams.marker} for empty nets. */
    private static final Set<String> ALLOWED_ENTRIES = Set.of("configuration.json", "coefficients.bin", "noParams.marker");

    @Override
    public String backend() {
        return Dl4jModule.NAME;
    }

    @Override
    public byte[] encode(TrainedClassifier classifier) {
        if (!(classifier instanceof Dl4jTrainedClassifier dl4j)) {
            throw new IllegalArgumentException("not a dl4j classifier: " + classifier.id());
        }
        return Dl4jSerialization.write(dl4j);
    }

    @Override
    public TrainedClassifier decode(byte[] bytes, String kind, Hyperparameters params, TrainingHistory history) {
        checkEntries(bytes);
        return Dl4jSerialization.read(bytes, kind, params, history);
    }

    private static void checkEntries(byte[] bytes) {
        boolean sawConfig = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (!ALLOWED_ENTRIES.contains(e.getName())) {
                    throw new DataException("the saved dl4j network has an unexpected entry '" + e.getName() + "'");
                }
                sawConfig |= e.getName().equals("configuration.json");
            }
        } catch (IOException e) {
            throw new DataException("the saved dl4j network is not a valid zip: " + e.getMessage(), e);
        }
        if (!sawConfig) {
            throw new DataException("the saved dl4j network has no configuration.json");
        }
    }
}
