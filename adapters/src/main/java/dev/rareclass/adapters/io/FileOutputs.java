package dev.rareclass.adapters.io;

import dev.rareclass.domain.port.Outputs;
import java.nio.file.Path;
import java.util.List;

/** {@link Outputs} on {@link AtomicFiles}: the same rules as every output written. */
public final class FileOutputs implements Outputs {

    @Override
    public void checkFile(Path file, List<Path> inputs) {
        if (!AtomicFiles.isStdout(file)) {
            AtomicFiles.refuseInput(file, AtomicFiles.fileDestination(file), inputs);
        }
    }

    @Override
    public Staged stage(List<Path> inputs) {
        return AtomicFiles.stage(inputs); // AtomicFiles.Staged is the port's Staged
    }
}
