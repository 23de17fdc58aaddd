package dev.rareclass.app.reliability;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;

/**
 * A class outside every allow-list, standing for a deserialisation gadget. Tests never instantiate it: they
 * serialise its twin {@link EvilTwin} (same name length, fields and serialVersionUID) and rename the class in
 * the stream, so this class's static initializer runs only if a loader initialises it.
 */
final class EvilPayload implements Serializable {
    @Serial
    private static final long serialVersionUID = 7L;

    static {
        Tripwire.initialized = true;
    }

    String command = "";

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        Tripwire.deserialized = true;
        in.defaultReadObject();
    }
}
