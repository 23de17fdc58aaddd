package dev.rareclass.domain.port;

import java.nio.file.Path;
import java.util.List;

/**
 * Where outputs can go. A single file is checked before the work that makes it ({@link #checkFile}), so an
 * output that cannot be written fails at once, not after training. The outputs of one command (a model with its
 * report and charts, an experiment's report folder) are written as a whole or not at all ({@link #stage}):
 * everything is written aside and put in place together at the end. A failed or interrupted run leaves nothing
 * new, and what was there before stays untouched until the new outputs are complete.
 */
public interface Outputs {

    /**
     * Fails (exit 73) when {@code file} cannot be an output: its folder is missing, or it is a folder, a named
     * pipe, a device, a loop of links, or the very file one of the command's {@code inputs} names (whatever path,
     * link or hard link names it: writing it would destroy the data being read). Standard output ({@code -})
     * always can. Writes nothing.
     */
    void checkFile(Path file, List<Path> inputs);

    /** {@link #checkFile(Path, List)} for a command that reads no file. */
    default void checkFile(Path file) {
        checkFile(file, List.of());
    }

    /**
     * Starts writing outputs that appear together; add each to the result before the long work, then commit. An
     * output that is one of {@code inputs} is refused as it is added, and any file written into a folder is
     * refused at commit when it would replace one of them.
     */
    Staged stage(List<Path> inputs);

    /** {@link #stage(List)} for a command that reads no file. */
    default Staged stage() {
        return stage(List.of());
    }

    /**
     * Outputs being written aside. Each method checks its output at once (exit 73 when it cannot be written) and
     * says where to write it now. Close in every case; only {@link #commit} makes anything visible.
     */
    interface Staged extends AutoCloseable {

        /**
         * An experiment's report folder: on commit its files replace those of an earlier report in that folder,
         * whose other report files go. Returns the folder to write into.
         */
        Path report(Path folder);

        /** A folder of files (charts): on commit they replace files of the same names; other files stay. */
        Path folder(Path folder);

        /**
         * One file (a model, a JSON); files its writer puts beside it go with it. Its folder must exist (a mistyped
         * folder is refused, not made), unless the file is inside a folder already added, where it is written.
         * Standard output ({@code -}) is returned as it is.
         */
        Path file(Path file);

        /**
         * A report's page ({@code --report FILE}), with what its writer puts beside it (the Markdown): as
         * {@link #file}, but a missing folder on its way is made, as for every report.
         */
        Path reportFile(Path file);

        /** A path returned by this object, or inside one, as it will be named once committed; else {@code p}. */
        Path published(Path p);

        /** Puts every output in place, together. */
        void commit();

        /** Removes what was written unless it was committed. */
        @Override
        void close();
    }
}
