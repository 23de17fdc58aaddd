package dev.rareclass.adapters.io;

import dev.rareclass.domain.error.IoErrorException;
import dev.rareclass.domain.error.OutputException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.port.Outputs;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one way rareclass writes an output: a model, predictions, a resampled table, every file of a report.
 *
 * <p><b>Files</b> are written to a temporary sibling with a short name ({@code .rareclass-<random>.part}, so a
 * target name of up to 255 bytes works), flushed to disk and renamed over the target, so readers never see a
 * half-written file and a failed or interrupted write leaves nothing behind. Conventions users know from other
 * Unix tools:
 * <ul>
 *   <li>a new file gets mode {@code 0666 & ~umask}; a replaced file keeps its permissions (and, where allowed,
 *       its owner and group);</li>
 *   <li>a symbolic link is followed (as a shell's {@code >} does): its final target is replaced and the link
 *       stays; a dangling link creates its target; a loop of links is refused, and so is another user's link
 *       in a sticky world-writable folder such as {@code /tmp} (the kernel's {@code protected_symlinks});</li>
 *   <li>anything that is not a regular file (a folder, a named pipe, a device, a socket) is refused as an
 *       output, never replaced;</li>
 *   <li>{@code -} means standard output ({@code ./-} is a file named {@code -}).</li>
 * </ul>
 *
 * <p><b>Outputs written together</b> (a model with its report and charts, an experiment's report folder): {@link
 * #stage} writes each aside, in a hidden folder on the same file system as where it goes, and {@link Staged#commit}
 * puts them all in place at the end, replacing the files of the same names (an earlier report's other files go
 * from a report folder); closing without commit removes them, leaving what was there untouched.
 *
 * <p><b>Interruption</b>: every temporary file and folder in flight is registered, and a JVM shutdown hook
 * (installed on first use) deletes them when the process ends early (Ctrl-C, {@code kill}). Once that hook has
 * started no write can be put in place any more: the check and the renames happen under one lock, so an
 * interrupted run leaves either the complete previous output or the complete new one.
 *
 * <p>Failures are user errors: a file or folder that cannot be written, a full disk, is exit 73
 * ({@link OutputException}); standard output that cannot be written is exit 74 ({@link IoErrorException}).
 */
public final class AtomicFiles {

    /** Writes the content of an output stream; may throw IOException. */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    /** The output name that means standard output. */
    public static final String STDOUT = "-";

    /** The names a report folder's files may have; an earlier report's files of these names are replaced. */
    public static final Set<String> REPORT_FILES = Set.of("report.html", "summary.md", "leaderboard.csv",
            "results.json", "manifest.json", "model.rareclass");

    /** The files by which a folder is known to hold an earlier report (every report writes them). */
    private static final List<String> EARLIER_REPORT_MARKS = List.of("report.html", "leaderboard.csv", "results.json");

    private static final String TEMP_PREFIX = ".rareclass-";
    private static final int MAX_LINKS = 40; // as Linux's MAXSYMLINKS
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Object LOCK = new Object();
    private static final Set<Path> IN_FLIGHT = new LinkedHashSet<>();
    /** Staged report folders → the folder as the user named it, so messages name what the user asked for. */
    private static final java.util.Map<Path, Path> STAGED = new java.util.concurrent.ConcurrentHashMap<>();
    private static boolean hookInstalled;
    private static boolean shuttingDown;
    private static volatile Hold hold = Hold.fromProperty();

    private AtomicFiles() {
    }

    /** Whether an output path means standard output ({@code -}). */
    public static boolean isStdout(Path path) {
        return path.getNameCount() == 1 && !path.isAbsolute() && path.toString().equals(STDOUT);
    }

    /**
     * Deletes every temporary file and folder still being written and refuses to finish any write from now
     * on. The shutdown hook calls this; the application may call it too. Returns how many were deleted.
     */
    public static int abandonAll() {
        synchronized (LOCK) {
            shuttingDown = true;
            int deleted = 0;
            for (Path p : IN_FLIGHT) {
                if (deleteTree(p)) {
                    deleted++;
                }
            }
            IN_FLIGHT.clear();
            return deleted;
        }
    }

    /** Temporary files and folders currently being written (for tests). */
    public static Set<Path> inFlight() {
        synchronized (LOCK) {
            return Set.copyOf(IN_FLIGHT);
        }
    }

    /** Writes {@code target} atomically, or standard output when it is {@code -}. */
    public static void write(Path target, StreamWriter writer) {
        if (isStdout(target)) {
            writeStdout(writer);
            return;
        }
        Path destination = fileDestination(target);
        refuseSecondWriteWhileStaged(target, destination);
        Path tmp = null;
        try {
            tmp = begin(destination.getParent());
            Set<PosixFilePermission> kept = existingPermissions(destination);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(new KeepOpen(Channels.newOutputStream(channel)), 1 << 16);
                writer.write(out);
                out.flush();
                channel.force(true);
            }
            if (kept != null) {
                keepOwner(destination, tmp);
                Files.setPosixFilePermissions(tmp, kept);
            }
            synchronized (LOCK) {
                ensureRunning();
                requireWritableKind(target, destination); // it may have become a folder or a pipe meanwhile
                move(tmp, destination);
                IN_FLIGHT.remove(tmp);
            }
            tmp = null;
            hold.after(destination);
        } catch (IOException | UncheckedIOException e) {
            throw new OutputException(shown(target) + ": cannot write (" + reason(e) + ")" + via(target, destination), e);
        } finally {
            if (tmp != null) {
                discard(tmp);
            }
        }
    }

    /**
     * Starts writing outputs that appear together or not at all: each folder and file added to the returned
     * {@link Staged} is written aside (in a hidden folder on the same file system as where it goes), and
     * {@link Staged#commit} puts them all in place at once; closing without commit removes them all.
     */
    public static Staged stage() {
        return new Staged(List.of());
    }

    /** {@link #stage()} for a command reading {@code inputs}: no output may replace one ({@link #refuseInput}). */
    public static Staged stage(List<Path> inputs) {
        return new Staged(List.copyOf(inputs));
    }

    /**
     * Fails (exit 73) when {@code destination}, the place writing {@code target} replaces, is the very file one of
     * {@code inputs} names, by any path, symbolic or hard link: {@code --out} naming the table being read would
     * otherwise replace the user's data with the output. Paths that do not exist (yet) are no input.
     */
    public static void refuseInput(Path target, Path destination, List<Path> inputs) {
        if (!Files.exists(destination)) {
            return;
        }
        for (Path input : inputs) {
            try {
                if (!isStdout(input) && Files.exists(input) && Files.isSameFile(destination, input)) {
                    String same = shown(target).equals(shown(input)) ? "" : " (the same file as " + shown(input) + ")";
                    throw new OutputException(shown(target) + ": cannot write over an input of this command" + same
                            + "; choose another file", null);
                }
            } catch (IOException e) {
                // unreadable attributes: not provably the same file; writing reports its own error if any
            }
        }
    }

    /** How a staged folder is put in place over a folder that exists. */
    private enum Kind {
        /**
         * An experiment's report: the written files replace the earlier report's, whose other files of the names
         * in {@link #REPORT_FILES} are removed; a subfolder written replaces the one of its name.
         */
        REPORT,
        /**
         * Files put into a folder that holds others (a folder of charts; the folder of a report file): each
         * written file replaces the one of its name, subfolders are merged, nothing else is touched.
         */
        FILES
    }

    /** A folder written aside: where it goes as named and after links, where it is written, how it is put. */
    private record Part(Path target, Path destination, Path staging, Kind kind) {
    }

    /**
     * Outputs written aside and put in place together; see {@link #stage()}. Add the outputs before the long work
     * (each is checked as it is added), write where the methods say, then {@link #commit}.
     */
    public static final class Staged implements Outputs.Staged {
        private final List<Part> parts = new ArrayList<>();
        /** Files added on their own: (as named, after links), checked again at commit. */
        private final List<Path[]> files = new ArrayList<>();
        /** What the command reads: no output may replace one of these. */
        private final List<Path> inputs;
        private boolean done;

        private Staged(List<Path> inputs) {
            this.inputs = inputs;
        }

        /** Adds an experiment's report folder ({@link Kind#REPORT}); returns the folder to write its files into. */
        public Path report(Path folder) {
            return folder(folder, Kind.REPORT);
        }

        /**
         * Adds a folder of files, such as charts: on commit each written file replaces the one of its name and the
         * folder's other files stay. Returns the folder to write into.
         */
        public Path folder(Path folder) {
            return folder(folder, Kind.FILES);
        }

        /**
         * Adds one file, following a symbolic link as {@link #write} does; files written beside it in the returned
         * place go with it. Its folder must exist, unless it is inside a folder staged here (made at commit).
         * Standard output ({@code -}) is not staged: it is returned as it is and written at once.
         */
        public Path file(Path file) {
            return file(file, false);
        }

        /** A report's page: as {@link #file}, but a missing folder on its way is made at commit, as for every report. */
        public Path reportFile(Path file) {
            return file(file, true);
        }

        private Path file(Path file, boolean makeFolder) {
            if (isStdout(file)) {
                return file;
            }
            if (file.toString().isEmpty()) {
                throw new UsageException("an output needs a file name (got an empty one)");
            }
            Path destination = resolveLinks(file);
            requireWritableKind(file, destination);
            refuseInput(file, destination, inputs);
            for (Path[] added : files) {
                if (added[1].toAbsolutePath().normalize().equals(destination.toAbsolutePath().normalize())) {
                    throw twoOutputsOneName(file + (added[0].equals(file) ? "" : " (the same file as " + added[0] + ")"));
                }
            }
            Path dir = destination.getParent();
            if (dir == null) {
                throw new OutputException(file + ": cannot write (not a file name)", null);
            }
            Path inside = inside(file);
            if (inside == null) {
                inside = inside(destination);
            }
            if (inside == null && !makeFolder) {
                // a data file's folder must be there (train --out, predict --out, --json): a mistyped folder is
                // said, not made; a report's is made
                requireFolder(file, destination);
            }
            files.add(new Path[] {file, destination});
            if (inside != null) {
                made(file, inside.getParent());
                return inside;
            }
            return folder(dir, Kind.FILES).resolve(destination.getFileName().toString());
        }

        /** The folder {@code staged} (for {@code target}) inside a staging folder, made if missing. */
        private static Path made(Path target, Path staged) {
            try {
                return Files.createDirectories(staged);
            } catch (IOException e) {
                throw new OutputException(target + ": cannot write there (" + reason(e) + ")", e);
            }
        }

        /**
         * {@code p} as it will be named once committed, when it is inside a staged folder; else {@code p}. A file
         * added with {@link #file} is named as it was given, and so are the files written beside it.
         */
        public Path published(Path p) {
            Path abs = p.toAbsolutePath().normalize();
            for (Part part : parts) {
                Path staging = part.staging().toAbsolutePath().normalize();
                if (!abs.startsWith(staging)) {
                    continue;
                }
                Path rel = staging.relativize(abs);
                Path placed = part.destination().resolve(rel.toString());
                for (Path[] f : files) {
                    if (f[1].equals(placed)) {
                        return f[0];
                    }
                }
                for (Path[] f : files) {
                    Path named = f[0].toAbsolutePath().normalize();
                    if (named.equals(f[1].normalize()) && f[1].getParent().equals(placed.getParent())
                            && f[0].getParent() != null) {
                        return f[0].resolveSibling(placed.getFileName().toString()); // beside a file, named alike
                    } else if (named.equals(f[1].normalize()) && f[1].getParent().equals(placed.getParent())) {
                        return Path.of(placed.getFileName().toString());
                    }
                }
                return part.target().resolve(rel.toString());
            }
            return p;
        }

        private Path folder(Path folder, Kind kind) {
            if (isStdout(folder)) {
                throw new UsageException("a report is a folder of files; it cannot go to standard output (-)");
            }
            if (folder.toString().isEmpty()) {
                throw new UsageException("a report folder needs a name (got an empty one)");
            }
            Path inside = inside(folder);
            if (inside != null) {
                return made(folder, inside);
            }
            Path destination = resolveLinks(folder);
            Path staging = null;
            try {
                Path where;
                if (Files.isDirectory(destination, LinkOption.NOFOLLOW_LINKS)) {
                    if (kind == Kind.REPORT) {
                        refuseEarlierReportInputs(folder, destination, inputs);
                    }
                    where = destination; // staged inside: the same file system, whatever is mounted where
                } else if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
                    throw new OutputException(folder + ": cannot write " + (kind == Kind.REPORT ? "the report" : "there")
                            + " (it is " + kind(destination) + ", not a folder)" + via(folder, destination), null);
                } else {
                    where = existingAncestor(folder, destination);
                }
                staging = beginFolder(where);
                STAGED.put(staging, folder);
                parts.add(new Part(folder, destination, staging, kind));
                return staging;
            } catch (IOException | UncheckedIOException e) {
                if (staging != null) {
                    discard(staging);
                }
                throw new OutputException(folder + ": cannot write " + (kind == Kind.REPORT ? "the report" : "there")
                        + " (" + reason(e) + ")" + via(folder, destination), e);
            }
        }

        /** Where to write {@code p} when it lies in a folder already staged (as named or after links), else null. */
        private Path inside(Path p) {
            Path abs = p.toAbsolutePath().normalize();
            for (Part part : parts) {
                for (Path root : List.of(part.target().toAbsolutePath().normalize(), part.destination().normalize())) {
                    if (abs.startsWith(root)) {
                        return part.staging().resolve(root.relativize(abs).toString());
                    }
                }
            }
            return null;
        }

        /**
         * Puts every staged output in place. Everything is checked before anything moves, and the moves happen
         * under the lock the interruption hook takes, so an interrupted run leaves all of the new outputs or none.
         */
        public void commit() {
            if (!parts.isEmpty()) {
                hold.after(parts.get(0).staging());
            }
            synchronized (LOCK) {
                Part current = null;
                try {
                    ensureRunning();
                    for (Path[] f : files) {
                        requireWritableKind(f[0], f[1]); // it may have become a folder or a pipe meanwhile
                        refuseInput(f[0], f[1], inputs);
                    }
                    for (Part part : parts) {
                        current = part;
                        if (Files.exists(part.destination(), LinkOption.NOFOLLOW_LINKS)
                                && !Files.isDirectory(part.destination(), LinkOption.NOFOLLOW_LINKS)) {
                            throw new OutputException(part.target() + ": cannot write there (it is "
                                    + kind(part.destination()) + ", not a folder)" + via(part.target(), part.destination()), null);
                        }
                        if (Files.isDirectory(part.destination(), LinkOption.NOFOLLOW_LINKS)) {
                            check(part.staging(), part.destination(), part.kind(), inputs);
                            if (part.kind() == Kind.REPORT) {
                                refuseEarlierReportInputs(part.target(), part.destination(), inputs);
                            }
                        }
                    }
                    for (Part part : parts) {
                        current = part;
                        if (!Files.exists(part.destination(), LinkOption.NOFOLLOW_LINKS)) {
                            Files.createDirectories(part.destination().getParent());
                            move(part.staging(), part.destination());
                        } else {
                            merge(part.staging(), part.destination(), part.kind());
                        }
                        IN_FLIGHT.remove(part.staging());
                        STAGED.remove(part.staging());
                    }
                    done = true;
                } catch (IOException | UncheckedIOException e) {
                    Path target = current == null ? parts.get(0).target() : current.target();
                    Path destination = current == null ? parts.get(0).destination() : current.destination();
                    throw new OutputException(target + ": cannot write (" + reason(e) + ")" + via(target, destination), e);
                }
            }
        }

        /** Refuses, before anything moves, a written file whose place holds a folder, a pipe or a device. */
        private static void check(Path staging, Path destination, Kind kind, List<Path> inputs) throws IOException {
            List<Path> entries;
            try (Stream<Path> s = Files.list(staging)) {
                entries = s.toList();
            }
            for (Path e : entries) {
                Path t = destination.resolve(e.getFileName().toString());
                if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                    if (kind == Kind.FILES && Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) {
                        check(e, t, kind, inputs);
                    } else if (kind == Kind.FILES && Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
                        throw new OutputException(t + ": cannot write a folder there (it is " + kind(t) + ")", null);
                    }
                } else {
                    requireWritableKind(t, resolveLinks(t));
                    refuseInput(t, resolveLinks(t), inputs);
                }
            }
        }

        /**
         * Refuses a report folder holding an earlier report one of whose files is an input of this command: the new
         * report replaces or removes every such file ({@link #REPORT_FILES}), so {@code explain} of a report's own
         * {@code model.rareclass} with {@code --out} that folder deleted the model it explained.
         */
        private static void refuseEarlierReportInputs(Path folder, Path destination, List<Path> inputs) {
            if (!earlierReport(destination)) {
                return;
            }
            for (String name : REPORT_FILES) {
                Path file = destination.resolve(name);
                for (Path input : inputs) {
                    try {
                        if (!isStdout(input) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                                && Files.exists(input) && Files.isSameFile(file, input)) {
                            throw new OutputException(folder + ": cannot write the report there: it holds an earlier "
                                    + "report, whose " + name + " (an input of this command) the new report would replace "
                                    + "or remove; choose another folder", null);
                        }
                    } catch (IOException e) {
                        // unreadable attributes: not provably the same file
                    }
                }
            }
        }

        /** Whether a folder holds an earlier report, known by its page or its results (every report writes them). */
        private static boolean earlierReport(Path folder) {
            return EARLIER_REPORT_MARKS.stream()
                    .anyMatch(name -> Files.isRegularFile(folder.resolve(name), LinkOption.NOFOLLOW_LINKS));
        }

        /**
         * Moves each written entry into {@code destination}: a file over the one of its name (a link followed, the
         * replaced file's permissions kept, as {@link #write} does); a folder merged into the one of its name
         * ({@link Kind#FILES}) or replacing it ({@link Kind#REPORT}). An earlier report's other files go.
         */
        private static void merge(Path staging, Path destination, Kind kind) throws IOException {
            // an earlier report is known by its page or its results: in a folder without them, files of the report
            // files' names are the user's own (a model.rareclass put there), and stay unless written over
            boolean earlierReport = kind == Kind.REPORT && earlierReport(destination);
            Set<String> written = new HashSet<>();
            List<Path> entries;
            try (Stream<Path> s = Files.list(staging)) {
                entries = s.toList();
            }
            List<Path> aside = new ArrayList<>();
            for (Path e : entries) {
                String name = e.getFileName().toString();
                written.add(name);
                Path t = destination.resolve(name);
                if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                    if (kind == Kind.FILES && Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) {
                        merge(e, t, kind);
                        continue;
                    }
                    if (Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) {
                        Path old = staging.resolve(TEMP_PREFIX + token() + ".old");
                        Files.move(t, old, StandardCopyOption.ATOMIC_MOVE);
                        aside.add(old);
                    }
                    move(e, t);
                } else {
                    Path replaced = resolveLinks(t);
                    Set<PosixFilePermission> kept = existingPermissions(replaced);
                    if (kept != null) {
                        keepOwner(replaced, e);
                        Files.setPosixFilePermissions(e, kept);
                    }
                    move(e, replaced);
                }
            }
            if (earlierReport) {
                for (String name : REPORT_FILES) {
                    Path stale = destination.resolve(name);
                    if (!written.contains(name) && Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS)) {
                        Files.delete(stale);
                    }
                }
            }
            aside.forEach(AtomicFiles::deleteTree);
            Files.delete(staging);
        }

        /** Removes everything written unless it was committed. */
        @Override
        public void close() {
            if (!done) {
                for (Part part : parts) {
                    discard(part.staging());
                    STAGED.remove(part.staging());
                }
                done = true;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------

    private static void writeStdout(StreamWriter writer) {
        System.out.flush();
        try {
            OutputStream out = new BufferedOutputStream(new KeepOpen(new FileOutputStream(FileDescriptor.out)), 1 << 16);
            writer.write(out);
            out.flush();
        } catch (IOException | UncheckedIOException e) {
            throw new IoErrorException("standard output: cannot write (" + reason(e) + "); the output is lost", e,
                    IoErrorException.isBrokenPipe(e));
        }
    }

    /**
     * Refuses (exit 2) writing a file a second time inside a folder staged for this command: two of its outputs were
     * given one name (train --out m --report m, evaluate --report r.html --json r.md, a report named like one of its
     * charts in --plots), and the second would silently replace the first, which the user asked for too. Nothing is
     * put in place: the staged outputs go when the command fails.
     */
    private static void refuseSecondWriteWhileStaged(Path target, Path destination) {
        Path abs = destination.toAbsolutePath().normalize();
        for (Path staging : STAGED.keySet()) {
            if (abs.startsWith(staging.toAbsolutePath().normalize()) && Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                throw twoOutputsOneName(shown(target).toString());
            }
        }
    }

    /** The one refusal of two outputs of a command given one name ({@code shown}: the name, as the user gave it). */
    private static UsageException twoOutputsOneName(String shown) {
        return new UsageException(shown + ": two outputs of this command are given this one name, and the second would "
                + "replace the first; give each output (--out, --report and the Markdown beside it, --json, --plots) its "
                + "own name");
    }

    /** A path inside a staged report folder as the user will see it; any other path as it is. */
    private static Path shown(Path p) {
        Path abs = p.toAbsolutePath();
        for (var e : STAGED.entrySet()) {
            if (abs.startsWith(e.getKey())) {
                return e.getValue().resolve(e.getKey().relativize(abs).toString());
            }
        }
        return p;
    }

    /** The regular file (or place for one) that writing {@code target} replaces, after following links. */
    public static Path fileDestination(Path given) {
        if (given.toString().isEmpty()) {
            throw new UsageException("an output needs a file name (got an empty one)");
        }
        Path destination = resolveLinks(given);
        requireFolder(given, destination);
        requireWritableKind(given, destination);
        return destination;
    }

    /** Refuses a file whose folder (after following links to {@code destination}) is missing or is no folder. */
    private static void requireFolder(Path given, Path destination) {
        Path target = shown(given);
        String link = via(given, destination);
        Path dir = destination.getParent();
        if (dir == null) {
            throw new OutputException(target + ": cannot write (not a file name)", null);
        }
        if (!Files.exists(dir)) {
            throw new OutputException(target + ": cannot write (folder " + shown(dir) + " does not exist)" + link, null);
        }
        if (!Files.isDirectory(dir)) {
            throw new OutputException(target + ": cannot write (" + shown(dir) + " is not a folder)" + link, null);
        }
    }

    private static void requireWritableKind(Path target, Path destination) {
        if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(destination, LinkOption.NOFOLLOW_LINKS)) {
            String what = kind(destination);
            throw new OutputException(shown(target) + ": cannot write (it is " + what + "; rareclass writes only regular files"
                    + (what.equals("a folder") ? "" : ", or - for standard output") + ")" + via(target, destination), null);
        }
    }

    /** What a path that exists and is not a regular file is, for messages. */
    private static String kind(Path p) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "a folder";
        }
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return "a file";
        }
        try {
            Object mode = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int type = ((Integer) mode) & 0170000;
            return switch (type) {
                case 0010000 -> "a named pipe";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }

    /** The path with every symbolic link in its last name followed; a loop is refused. */
    static Path resolveLinks(Path target) {
        Path p = target.toAbsolutePath();
        try {
            for (int hops = 0; Files.isSymbolicLink(p); hops++) {
                if (hops == MAX_LINKS) {
                    throw new OutputException(target + ": cannot write (too many levels of symbolic links: a loop?)", null);
                }
                refuseForeignLinkInStickyFolder(target, p);
                Path link = Files.readSymbolicLink(p);
                p = p.getParent() == null ? link : p.getParent().resolve(link);
            }
        } catch (IOException e) {
            throw new OutputException(target + ": cannot write (" + reason(e) + ")", e);
        }
        return p;
    }

    /**
     * The kernel's {@code fs.protected_symlinks} rule, which following links ourselves would bypass: in a
     * sticky world-writable folder ({@code /tmp}), a link is followed only when it belongs to the writer or to
     * the folder's owner, so another user cannot make a program (run as root) replace a file through a link
     * planted where the output will be written.
     */
    private static void refuseForeignLinkInStickyFolder(Path target, Path link) throws IOException {
        Path dir = link.getParent();
        if (dir == null) {
            return;
        }
        try {
            int mode = (Integer) Files.getAttribute(dir, "unix:mode");
            if ((mode & 01002) != 01002) {
                return; // not sticky and world-writable
            }
            int linkOwner = (Integer) Files.getAttribute(link, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int dirOwner = (Integer) Files.getAttribute(dir, "unix:uid");
            int me = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (linkOwner != me && linkOwner != dirOwner) {
                throw new OutputException(target + ": cannot write (it is a symbolic link another user made in the "
                        + "shared folder " + dir + "; not followed, as the kernel would not)", null);
            }
        } catch (UnsupportedOperationException | IllegalArgumentException | NoSuchFileException e) {
            // not a Unix file system or no /proc: the links are followed
        }
    }

    /** ", through the symbolic link to X" when a link was followed. */
    private static String via(Path target, Path destination) {
        return destination.equals(target.toAbsolutePath()) ? "" : "; it is a symbolic link to " + destination;
    }

    /** The nearest folder that exists on the way to {@code destination}; refuses a file or pipe on the way. */
    private static Path existingAncestor(Path target, Path destination) throws IOException {
        for (Path p = destination.getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                return p;
            }
            if (Files.exists(p)) {
                throw new OutputException(target + ": cannot write the report (" + p + " is " + kind(p)
                        + ", not a folder)", null);
            }
        }
        throw new NoSuchFileException(destination.toString());
    }

    private static Path begin(Path dir) throws IOException {
        synchronized (LOCK) {
            ensureRunning();
            installHook();
            Path tmp = dir.resolve(TEMP_PREFIX + token() + ".part");
            IN_FLIGHT.add(tmp);
            return tmp;
        }
    }

    private static Path beginFolder(Path dir) throws IOException {
        synchronized (LOCK) {
            ensureRunning();
            installHook();
            for (int attempt = 0; ; attempt++) {
                Path tmp = dir.resolve(TEMP_PREFIX + token() + ".part");
                try {
                    Files.createDirectory(tmp); // no attributes: 0777 & ~umask, as mkdir
                    IN_FLIGHT.add(tmp);
                    return tmp;
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 10) {
                        throw e;
                    }
                }
            }
        }
    }

    private static void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::abandonAll, "rareclass-abandon-temp-files"));
            hookInstalled = true;
        }
    }

    private static void ensureRunning() throws IOException {
        if (shuttingDown) {
            throw new IOException("the process is ending");
        }
    }

    private static String token() {
        return Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    }

    /** A replaced file keeps its owner and group where that is allowed (root); otherwise they are the writer's. */
    private static void keepOwner(Path existing, Path tmp) {
        try {
            PosixFileAttributes old = Files.readAttributes(existing, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            PosixFileAttributeView now = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
            PosixFileAttributes mine = now.readAttributes();
            if (!old.group().equals(mine.group())) {
                now.setGroup(old.group());
            }
            if (!old.owner().equals(mine.owner())) {
                now.setOwner(old.owner());
            }
        } catch (IOException | UnsupportedOperationException | NullPointerException e) {
            // not allowed (a user cannot give files away) or not POSIX: the file is the writer's, as with cp
        }
    }

    private static Set<PosixFilePermission> existingPermissions(Path destination) throws IOException {
        if (!Files.isRegularFile(destination, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return Files.getPosixFilePermissions(destination, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void discard(Path tmp) {
        deleteTree(tmp);
        synchronized (LOCK) {
            IN_FLIGHT.remove(tmp);
        }
    }

    /** Deletes a file or a folder with everything in it, without following links; best effort. */
    private static boolean deleteTree(Path p) {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false; // best effort: the original failure is what the user needs to see
        }
    }

    /** The cause of a failure in words, without the temporary file's name. */
    static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (t instanceof NoSuchFileException n) {
            // a folder that makes no new file (/proc, /sys) says ENOENT too: no missing file, though it says so
            Path folder = n.getFile() == null ? null : Path.of(n.getFile()).getParent();
            return folder != null && Files.isDirectory(folder) ? "no new file can be made in " + folder
                    : "no such file or folder";
        }
        if (t instanceof DirectoryNotEmptyException) {
            return "a folder that is not empty is in the way";
        }
        return dev.rareclass.domain.error.IoReason.of(t);
    }

    /** Lets writers close their stream (CSV and ZIP writers do) without closing the channel or stdout. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /**
     * A test seam for the interruption tests, off unless the system property {@code rareclass.test.holdAfter}
     * names a file (once it is written) or {@code staged} (a report folder about to be put in place),
     * a file {@code <name>.held} is created in the folder {@code rareclass.test.holdSignal} and the thread waits
     * for ever, so a test can interrupt the process at exactly that moment.
     */
    private record Hold(String name, Path signalDir) {
        static Hold fromProperty() {
            String name = System.getProperty("rareclass.test.holdAfter");
            String dir = System.getProperty("rareclass.test.holdSignal");
            return name == null || dir == null ? new Hold(null, null) : new Hold(name, Path.of(dir));
        }

        void after(Path output) {
            if (name == null) {
                return;
            }
            String n = output.getFileName().toString();
            boolean staged = n.startsWith(TEMP_PREFIX) && name.equals("staged");
            if (!staged && !name.equals(n)) {
                return;
            }
            try {
                Files.createFile(signalDir.resolve(name + ".held"));
                while (true) {
                    Thread.sleep(60_000);
                }
            } catch (IOException | InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
