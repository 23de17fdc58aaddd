package dev.rareclass.adapters.io;

import dev.rareclass.domain.port.OutputFolders;
import java.nio.file.Path;

/** {@link OutputFolders} on {@link AtomicFiles#stageFolder}: the same rules as every other output. */
public final class StagedOutputFolders implements OutputFolders {

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
