package dev.rareclass.adapters.io;

import dev.rareclass.domain.port.Outputs;
import java.nio.file.Path;

/** {@link Outputs} on {@link AtomicFiles}: the same rules as every output written. */
public final class FileOutputs implements Outputs {

    @Override
    public void checkFile(Path file) {
        if (!AtomicFiles.isStdout(file)) {
            AtomicFiles.fileDestination(file);
        }
    }

    @Override
    public Staged stage() {
        return AtomicFiles.stage(); // AtomicFiles.Staged is the port's Staged
    }
}
