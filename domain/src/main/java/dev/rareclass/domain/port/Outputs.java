package dev.rareclass.domain.port;

import java.nio.file.Path;

/**
 * Where outputs can go. A single file is checked before the work that makes it ({@link #checkFile}), so an
 * output that cannot be written fails at once, not after training. An output folder (an experiment's report) is
 * written as a whole or not at all ({@link #stage}): everything is written into a folder aside, which is put in
 * place at the end. A failed or interrupted run leaves nothing new, and an earlier report in that folder stays
 * untouched until the new one is complete.
 */
public interface Outputs {

    /**
     * Fails (exit 73) when {@code file} cannot be an output: its folder is missing, or it is a folder, a named
     * pipe, a device, a loop of links. Standard output ({@code -}) always can. Writes nothing.
     */
    void checkFile(Path file);

    /**
     * Starts writing {@code folder}: checks that it can be written (before any long work) and gives an empty
     * folder to write into.
     */
    Staged stage(Path folder);

    /** A folder being written aside. Close it in every case; only {@link #commit} makes it visible. */
    interface Staged extends AutoCloseable {

        /** Where to write the folder's files. */
        Path path();

        /** The folder as asked for. */
        Path target();

        /** Puts what was written in place of the folder's earlier report. */
        void commit();

        /** Removes what was written unless it was committed. */
        @Override
        void close();

        /** {@code p} as it will be named once committed, when it is inside {@link #path}; else {@code p}. */
        default Path published(Path p) {
            Path abs = p.toAbsolutePath();
            Path staging = path().toAbsolutePath();
            return abs.startsWith(staging) ? target().resolve(staging.relativize(abs)) : p;
        }

        /** Where to write {@code p} now: inside {@link #path} when {@code p} is inside the target folder. */
        default Path staged(Path p) {
            Path abs = p.toAbsolutePath().normalize();
            Path target = target().toAbsolutePath().normalize();
            return abs.startsWith(target) ? path().resolve(target.relativize(abs).toString()) : p;
        }
    }
}
