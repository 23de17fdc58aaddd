package dev.rareclass.domain.model;

import dev.rareclass.domain.error.DataException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The header a backend's codec writes before its classifier's bytes: four magic bytes naming the format, a
 * format version and the stored kind's byte. Reading it back refuses, in one plain sentence, a payload that is
 * not this backend's, has another version, or holds a kind the backend does not know.
 *
 * @param magic   four bytes, such as {@code "RCSM"} (rareclass, Smile)
 * @param version the format version this build writes and reads
 * @param backend the backend's name, for messages
 */
public record PayloadHeader(int magic, int version, String backend) {

    /** What follows the header: the stored kind's byte first, then the classifier. */
    @FunctionalInterface
    public interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /** The header followed by the body, in memory. */
    public byte[] encode(Body body, int expectedSize) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(expectedSize);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            out.writeByte(version);
            body.write(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot encode " + article() + " model in memory", e);
        }
        return bytes.toByteArray();
    }

    /** The classifier as this backend's type, which a codec can only write. */
    public <T extends TrainedClassifier> T own(TrainedClassifier classifier, Class<T> type) {
        if (!type.isInstance(classifier)) {
            throw new IllegalArgumentException("the " + backend + " codec cannot write "
                    + dev.rareclass.domain.error.Quoting.withArticle(classifier.backend()) + " classifier");
        }
        return type.cast(classifier);
    }

    /**
     * Reads and checks the header.
     *
     * @param length the payload's length in bytes
     * @param kinds  how many kinds the backend stores, numbered from 0
     * @return the stored kind's byte
     * @throws DataException "refusing to load the BACKEND model: …"
     */
    public int read(DataInputStream in, int length, int kinds) throws IOException {
        if (length < 6 || in.readInt() != magic) {
            throw refused("it is not " + article() + " model (no " + tag() + " header)");
        }
        int found = in.readUnsignedByte();
        if (found != version) {
            throw refused("it has " + backend + " model format version " + found + "; this build reads version " + version);
        }
        byte stored = in.readByte();
        if (stored < 0 || stored >= kinds) {
            throw refused("it holds an unknown " + backend + " model kind (" + stored + ")");
        }
        return stored;
    }

    /** A refusal of this backend's payload, naming why. */
    public DataException refused(String why) {
        return new DataException("refusing to load the " + backend + " model: " + why);
    }

    private String tag() {
        return new String(new byte[] {(byte) (magic >>> 24), (byte) (magic >>> 16), (byte) (magic >>> 8), (byte) magic},
                StandardCharsets.US_ASCII);
    }

    private String article() {
        return ("aeiou".indexOf(backend.charAt(0)) >= 0 ? "an " : "a ") + backend;
    }
}
