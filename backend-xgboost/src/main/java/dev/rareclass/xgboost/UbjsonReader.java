package dev.rareclass.xgboost;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads, in Java, bytes that must be one well-formed UBJSON object (the Universal Binary JSON XGBoost saves
 * boosters in, ubjson.org draft 12), before XGBoost's native parser sees them: XGBoost 3.4 trusts the lengths
 * and tree links it reads, and a forged length or child index crashes the JVM (SIGSEGV in
 * {@code XGBoosterLoadModelFromBuffer} or in prediction, found by {@code XgboostModelCodecTest}).
 *
 * <p>Every value is read: its type marker must be a known one, every length and count non-negative and within
 * the bytes that remain (a typed array of {@code n} elements of {@code s} bytes needs {@code n·s} of them, so no
 * count makes this allocate more than the input's size), containers nest at most {@link #MAX_DEPTH} deep, and the
 * object ends exactly at the last byte. The result is plain Java values: {@code Map} (objects, in order),
 * {@code List}, {@code String}, {@code Long}, {@code Double}, {@code Boolean}, null, and {@code long[]} or
 * {@code double[]} for typed arrays of numbers. {@link BoosterCheck} then checks what they mean.
 */
final class UbjsonReader {

    /** A saved booster nests 7 deep (learner, gradient booster, model, trees, tree, tree parameters). */
    static final int MAX_DEPTH = 32;

    /** What is wrong with the bytes, and where. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final byte[] b;
    private int at;

    private UbjsonReader(byte[] bytes) {
        this.b = bytes;
    }

    /** The object the bytes hold. */
    static Map<?, ?> read(byte[] bytes) throws Malformed {
        UbjsonReader r = new UbjsonReader(bytes);
        if (bytes.length == 0 || bytes[0] != '{') {
            throw new Malformed("it does not start with a UBJSON object");
        }
        try {
            Object root = r.value(r.next(), 1);
            if (r.at != bytes.length) {
                throw new Malformed("it has " + (bytes.length - r.at) + " bytes after its UBJSON object");
            }
            return (Map<?, ?>) root;
        } catch (Malformed e) {
            throw new Malformed(e.getMessage() + " (byte " + r.at + ")");
        }
    }

    private byte next() throws Malformed {
        if (at >= b.length) {
            throw new Malformed("it ends inside a UBJSON value");
        }
        return b[at++];
    }

    private void need(long n) throws Malformed {
        if (n < 0 || n > b.length - at) {
            throw new Malformed("a length of " + n + " runs past its end");
        }
    }

    /** Bytes of a fixed-size value of this type, or -1 for types with a payload of their own or none. */
    private static int size(byte type) {
        return switch (type) {
            case 'i', 'U', 'C' -> 1;
            case 'I' -> 2;
            case 'l', 'd' -> 4;
            case 'L', 'D' -> 8;
            default -> -1;
        };
    }

    private long bigEndian(int n) {
        long x = 0;
        for (int k = 0; k < n; k++) {
            x = (x << 8) | (b[at + k] & 0xFF);
        }
        return x;
    }

    /** A fixed-size value of this type: an integer as a Long, a float as a Double, a char as a String. */
    private Object fixed(byte type) throws Malformed {
        int n = size(type);
        need(n);
        long raw = bigEndian(n);
        at += n;
        return switch (type) {
            case 'i' -> (long) (byte) raw;
            case 'U' -> raw;
            case 'I' -> (long) (short) raw;
            case 'l' -> (long) (int) raw;
            case 'L' -> raw;
            case 'd' -> (double) Float.intBitsToFloat((int) raw);
            case 'D' -> Double.longBitsToDouble(raw);
            default -> Character.toString((char) raw);
        };
    }

    /** An integer written with its own type marker: a length or a count, at most the bytes left. */
    private int length() throws Malformed {
        byte type = next();
        if (type != 'i' && type != 'U' && type != 'I' && type != 'l' && type != 'L') {
            throw new Malformed("a length has type '" + printable(type) + "', not an integer type");
        }
        long v = (Long) fixed(type);
        if (v < 0 || v > b.length - at) {
            throw new Malformed("a length or count of " + v + " exceeds the " + (b.length - at) + " bytes left");
        }
        return (int) v;
    }

    private String string() throws Malformed {
        int n = length();
        String s = new String(b, at, n, StandardCharsets.UTF_8);
        at += n;
        return s;
    }

    private Object value(byte type, int depth) throws Malformed {
        if (size(type) > 0) {
            return fixed(type);
        }
        return switch (type) {
            case 'Z', 'N' -> null;
            case 'T' -> Boolean.TRUE;
            case 'F' -> Boolean.FALSE;
            case 'S', 'H' -> string();
            case '[' -> container(depth, false);
            case '{' -> container(depth, true);
            default -> throw new Malformed("unknown UBJSON type '" + printable(type) + "'");
        };
    }

    private Object container(int depth, boolean object) throws Malformed {
        if (depth > MAX_DEPTH) {
            throw new Malformed("containers nest deeper than " + MAX_DEPTH);
        }
        byte elementType = 0;
        int count = -1;
        if (at < b.length && b[at] == '$') {
            at++;
            elementType = next();
            if (size(elementType) < 0 && elementType != 'S' && elementType != 'H') {
                // a typed container of markers with no payload (Z, N, T, F) could claim any count in no bytes
                throw new Malformed("a typed container of '" + printable(elementType) + "'");
            }
            if (next() != '#') {
                throw new Malformed("a typed container without a count");
            }
            count = length();
        } else if (at < b.length && b[at] == '#') {
            at++;
            count = length();
        }
        int fixed = elementType == 0 ? -1 : size(elementType);
        if (fixed > 0 && !object && elementType != 'C') {
            need((long) count * fixed);
            boolean integral = elementType != 'd' && elementType != 'D';
            long[] ints = integral ? new long[count] : null;
            double[] reals = integral ? null : new double[count];
            for (int k = 0; k < count; k++) {
                Object v = fixed(elementType);
                if (integral) {
                    ints[k] = (Long) v;
                } else {
                    reals[k] = (Double) v;
                }
            }
            return integral ? ints : reals;
        }
        Map<String, Object> map = object ? new LinkedHashMap<>() : null;
        List<Object> list = object ? null : new ArrayList<>();
        for (int k = 0; count < 0 || k < count; k++) {
            if (count < 0) {
                if (at >= b.length) {
                    throw new Malformed("it ends inside a UBJSON " + (object ? "object" : "array"));
                }
                if (b[at] == (object ? '}' : ']')) {
                    at++;
                    break;
                }
            }
            if (object) {
                String key = string();
                Object v = value(elementType != 0 ? elementType : next(), depth + 1);
                if (map.put(key, v) != null) {
                    throw new Malformed("key '" + key + "' appears twice in an object");
                }
            } else {
                list.add(value(elementType != 0 ? elementType : next(), depth + 1));
            }
        }
        return object ? map : list;
    }

    private static String printable(byte c) {
        return c >= 0x20 && c < 0x7F ? Character.toString(c) : String.format("0x%02X", c & 0xFF);
    }
}
