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
 * entry if one were present, and allocates the coefficient array its header declares. {@link #decode} therefore
 * accepts only the entries {@link #encode} writes, each once, inflated through a bounded stream, with coefficients whose
 * declared size matches their bytes, and hands DL4J a zip rewritten from those checked entries alone.
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
        return Dl4jSerialization.read(checkedZip(checkEntries(bytes)), kind, params, history);
    }

    /** What the network's entries may inflate to together, at most: {@link #MAX_INFLATION} times the payload, or 16 MiB. */
    private static final long MAX_INFLATION = 100;
    private static final long MIN_INFLATION_BUDGET = 16L << 20;

    /**
     * The network zip must hold only the entries {@link #encode} writes, each once, inflating in all to no more than
     * {@link #MAX_INFLATION} times the payload (each entry is read through a bounded stream, whatever sizes the zip
     * declares), and its coefficients must be one array whose declared length matches the bytes that hold it (see
     * {@link #checkCoefficients}), before DL4J reads anything: DL4J allocates what a header declares.
     */
    private static java.util.Map<String, byte[]> checkEntries(byte[] bytes) {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        boolean sawConfig = false;
        boolean sawParams = false;
        long budget = Math.max(MIN_INFLATION_BUDGET, MAX_INFLATION * bytes.length);
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                if (!ALLOWED_ENTRIES.contains(name)) {
                    throw new DataException("the saved dl4j network has an unexpected entry '"
                            + (name.length() > 80 ? name.substring(0, 80) + "…" : name) + "'");
                }
                if (!seen.add(name)) {
                    throw new DataException("the saved dl4j network has entry '" + name + "' twice");
                }
                byte[] content = zip.readNBytes((int) Math.min(budget + 1, Integer.MAX_VALUE - 16));
                budget -= content.length;
                if (budget < 0) {
                    throw new DataException("the saved dl4j network inflates to more than " + MAX_INFLATION
                            + " times its size (a zip bomb?)");
                }
                entries.put(name, content);
                sawConfig |= name.equals("configuration.json");
                sawParams |= name.equals("coefficients.bin");
            }
        } catch (IOException e) {
            throw new DataException("the saved dl4j network is not a valid zip: " + e.getMessage(), e);
        }
        if (!sawConfig) {
            throw new DataException("the saved dl4j network has no configuration.json");
        }
        if (!sawParams && !seen.contains("noParams.marker")) {
            throw new DataException("the saved dl4j network has no coefficients.bin");
        }
        if (sawParams) {
            checkCoefficients(entries.get("coefficients.bin"));
        }
        return entries;
    }

    /**
     * The checked entries as a new zip, which is what DL4J reads: DL4J opens the zip by its central directory, which
     * can name other entries than the local headers read above; a zip written here has only what was checked.
     */
    private static byte[] checkedZip(java.util.Map<String, byte[]> entries) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.setLevel(java.util.zip.Deflater.NO_COMPRESSION);
            for (java.util.Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * ND4J's array format: a shape buffer, then a data buffer, each written as its allocation mode, its length (a long),
     * its data type, then its elements. The shape buffer must be a short {@code LONG} one (rank, shape, strides and three
     * more), its shape's product must be the data buffer's length, and the data buffer's elements must fill the entry
     * exactly; a header that declares more than the entry holds is refused before ND4J allocates it.
     */
    static void checkCoefficients(byte[] bytes) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new ByteArrayInputStream(bytes))) {
            in.readUTF();
            long shapeLength = in.readLong();
            String shapeType = in.readUTF();
            if (!shapeType.equals("LONG") || shapeLength < 4 || shapeLength > 2 * 32 + 4) {
                throw new DataException("the saved dl4j network's coefficients have a malformed shape ("
                        + shapeLength + " " + shapeType + ")");
            }
            long[] shape = new long[(int) shapeLength];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = in.readLong();
            }
            long rank = shape[0];
            if (rank < 0 || rank > 32 || shapeLength != 2 * rank + 4) {
                throw new DataException("the saved dl4j network's coefficients have a malformed shape (rank " + rank + ")");
            }
            long elements = 1;
            for (int i = 1; i <= rank; i++) {
                if (shape[i] < 0 || shape[i] > bytes.length) {
                    throw new DataException("the saved dl4j network's coefficients declare dimension " + shape[i]);
                }
                elements *= shape[i];
                if (elements > bytes.length) {
                    break;
                }
            }
            in.readUTF();
            long length = in.readLong();
            int width = switch (in.readUTF()) {
                case "FLOAT" -> Float.BYTES;
                case "DOUBLE" -> Double.BYTES;
                case "HALF", "BFLOAT16" -> 2;
                default -> throw new DataException("the saved dl4j network's coefficients are of an unknown data type");
            };
            if (length != elements || length * width != in.available()) {
                throw new DataException("the saved dl4j network's coefficients declare " + length + " values of shape "
                        + elements + " but hold " + in.available() + " bytes");
            }
        } catch (IOException e) {
            throw new DataException("the saved dl4j network's coefficients are truncated or malformed", e);
        }
    }
}
