package dev.rareclass.app.reliability;

/** Set by {@link EvilPayload}'s static initializer or readObject: proof that a hostile class was touched. */
final class Tripwire {
    static volatile boolean initialized;
    static volatile boolean deserialized;

    private Tripwire() {
    }

    static void reset() {
        initialized = false;
        deserialized = false;
    }
}
