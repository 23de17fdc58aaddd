package dev.rareclass.app.reliability;

import java.io.Serial;
import java.io.Serializable;

/** Serialised in place of {@link EvilPayload}; its name has the same length, so the stream can be renamed. */
final class EvilTwin123 implements Serializable {
    @Serial
    private static final long serialVersionUID = 7L;

    String command = "touch /tmp/pwned";
}
