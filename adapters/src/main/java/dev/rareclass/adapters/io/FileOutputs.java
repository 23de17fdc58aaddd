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
    public Staged stage(Path folder) {
        AtomicFiles.StagedFolder staged = AtomicFiles.stageFolder(folder);
        return new Staged() {
            @Override
            public Path path() {
                return staged.path();
            }

            @Override
            public Path target() {
                return staged.target();
            }

            @Override
            public void commit() {
                staged.commit();
            }

            @Override
            public void close() {
                staged.close();
            }
        };
    }
}
