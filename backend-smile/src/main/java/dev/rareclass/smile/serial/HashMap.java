package dev.rareclass.smile.serial;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;

/**
 * Reads a serialised {@code java.util.HashMap} in its place (see {@code SmileModelCodec}): a {@code HashMap} hashes every
 * key while it is being read, and a key that is itself a collection is hashed through all it contains, which nested
 * collections sharing their members make exponential (the "SerialDOS" stream: 2 KB that spin for ever). This class reads
 * the same stream form (same name, serialVersionUID and fields), but checks each key and value before anything is hashed:
 * both must be a boxed number, a character, a boolean or a string, which is all Smile's models keep in their maps (the
 * levels of a nominal column, the classes of a classifier). It then resolves to a real {@code java.util.HashMap}.
 */
public final class HashMap implements Serializable {

    @Serial
    private static final long serialVersionUID = 362498820763181265L; // java.util.HashMap's

    /** Mappings a map may declare; Smile's hold a few (class labels, a column's levels). */
    static final int MAX_MAPPINGS = 1 << 20;

    /** The stream's fields, read and ignored. */
    @SuppressWarnings("unused")
    private float loadFactor;
    @SuppressWarnings("unused")
    private int threshold;

    private transient java.util.HashMap<Object, Object> map;

    private HashMap() {
    }

    @Serial
    private void readObject(ObjectInputStream s) throws IOException, ClassNotFoundException {
        s.defaultReadObject();
        s.readInt(); // buckets
        int mappings = s.readInt();
        if (mappings < 0 || mappings > MAX_MAPPINGS) {
            throw new InvalidObjectException("a map declares " + mappings + " mappings");
        }
        java.util.HashMap<Object, Object> read = new java.util.HashMap<>();
        for (int i = 0; i < mappings; i++) {
            Object key = plain(s.readObject());
            Object value = plain(s.readObject());
            read.put(key, value);
        }
        map = read;
    }

    /** {@code o} if its hash and equality are cheap and fixed (a value, not a container). */
    private static Object plain(Object o) throws InvalidObjectException {
        if (o == null || o instanceof String || o instanceof Byte || o instanceof Short || o instanceof Integer
                || o instanceof Long || o instanceof Float || o instanceof Double || o instanceof Character
                || o instanceof Boolean) {
            return o;
        }
        throw new InvalidObjectException("a map holds a " + o.getClass().getName() + ", not a plain value");
    }

    @Serial
    private Object readResolve() throws ObjectStreamException {
        if (map == null) {
            throw new InvalidObjectException("a map was not read");
        }
        return map;
    }
}
