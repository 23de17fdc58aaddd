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
        AtomicFiles.Staged staged = AtomicFiles.stage();
        return new Staged() {
            @Override
            public Path report(Path folder) {
                return staged.report(folder);
            }

            @Override
            public Path folder(Path folder) {
                return staged.folder(folder);
            }

            @Override
            public Path file(Path file) {
                return staged.file(file);
            }

            @Override
            public Path published(Path p) {
                return staged.published(p);
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
