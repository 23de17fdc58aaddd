package dev.rareclass.adapters.io;

import dev.rareclass.domain.error.OutputException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Writes a file through a temporary sibling and a rename, so readers never see a half-written file and a
 * failed or interrupted write leaves nothing behind.
 *
 * <p>Interruption: every temporary file in flight is registered, and a JVM shutdown hook (installed on
 * first use) deletes them when the process ends early (Ctrl-C, {@code kill}, {@code System.exit} from
 * another thread). Once that hook has started, no write can rename its temporary file into place any more:
 * the check and the rename happen under the same lock, so an interrupted run leaves either the complete
 * previous output or the complete new one, never a {@code .part} file or a half-written target.
 */
public final class AtomicFiles {

    /** Writes the content of an output stream; may throw IOException. */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    private static final Object LOCK = new Object();
    private static final Set<Path> IN_FLIGHT = new LinkedHashSet<>();
    private static boolean hookInstalled;
    private static boolean shuttingDown;

    private AtomicFiles() {
    }

    /**
     * Deletes every temporary file still being written and refuses to finish any write from now on. The
     * shutdown hook calls this; the application may call it too. Returns how many files were deleted.
     */
    public static int abandonAll() {
        synchronized (LOCK) {
            shuttingDown = true;
            int deleted = 0;
            for (Path p : IN_FLIGHT) {
                try {
                    if (Files.deleteIfExists(p)) {
                        deleted++;
                    }
                } catch (IOException ignored) {
                    // best effort while the process ends
                }
            }
            IN_FLIGHT.clear();
            return deleted;
        }
    }

    /** Temporary files currently being written (for tests). */
    public static Set<Path> inFlight() {
        synchronized (LOCK) {
            return Set.copyOf(IN_FLIGHT);
        }
    }

    private static Path begin(Path dir, Path absolute) throws IOException {
        synchronized (LOCK) {
            if (shuttingDown) {
                throw new IOException("the process is ending");
            }
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::abandonAll, "rareclass-abandon-temp-files"));
                hookInstalled = true;
            }
            Path tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part");
            IN_FLIGHT.add(tmp);
            return tmp;
        }
    }

    private static void commit(Path tmp, Path absolute) throws IOException {
        synchronized (LOCK) {
            if (shuttingDown) {
                throw new IOException("the process is ending");
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            IN_FLIGHT.remove(tmp);
        }
    }

    private static void discard(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // best effort: the original failure is what the user needs to see
        }
        synchronized (LOCK) {
            IN_FLIGHT.remove(tmp);
        }
    }

    public static void write(Path target, StreamWriter writer) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new OutputException(target + ": cannot write (folder " + dir + " does not exist)", null);
        }
        if (Files.isDirectory(absolute)) {
            throw new OutputException(target + ": cannot write (it is a folder)", null);
        }
        Path tmp = null;
        try {
            tmp = begin(dir, absolute);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.write(out);
            }
            commit(tmp, absolute);
            tmp = null;
        } catch (IOException e) {
            throw new OutputException(target + ": cannot write (" + e.getMessage() + ")", e);
        } finally {
            if (tmp != null) {
                discard(tmp);
            }
        }
    }
}
