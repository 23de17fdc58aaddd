package dev.rareclass.adapters.format;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.InputMissingException;
import dev.rareclass.domain.error.Quoting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads labelled text corpora ({@code --format text}) into three columns, {@code text} (one document per
 * row), {@code label} and {@code document}; {@code --label} defaults to {@code label} and {@code --positive} names the
 * rare class ({@code pos}, say). {@code document} names each row, never a feature: the document's path under the folder
 * that holds the class folders, with {@code /} between folders ({@code pos/cv000_29590.txt}, whether the corpus is a
 * folder or an archive of one), or for a sentence file its name and line ({@code rt-polarity.pos:17}, the line counted
 * as an editor counts it, blank lines included); {@code predict} writes it beside each prediction. DATA is one of:
 * <ul>
 * <li>a folder holding exactly one {@code *.pos} and one {@code *.neg} file: one sentence a line
 *     (blank lines skipped), labelled {@code pos} / {@code neg} (Pang &amp; Lee's rt-polarity);</li>
 * <li>a folder with one subfolder per class: one document per file, labelled with the name of its class folder,
 *     the one directly in DATA, however deep in it the file lies ({@code pos/2019/a.txt} is {@code pos}, as
 *     {@code pos/a.txt}); files directly in DATA, and hidden files, are skipped; in path order;</li>
 * <li>a {@code .tar.gz}, {@code .tgz} or {@code .tar} of such folders (review_polarity.tar.gz), in archive
 *     order. Its class folders are the ones at its top ({@code tar -C corpus -czf c.tgz pos neg}), or the ones in
 *     its one top folder when every document lies in that folder ({@code tar czf c.tgz corpus}, or
 *     {@code txt_sentoken/pos/...}); a leading {@code ./} counts for nothing.</li>
 * </ul>
 * Text is decoded as UTF-8, with bytes that are not valid UTF-8 read as Latin-1 (noted). Symbolic links in a
 * folder are followed only within it (DATA itself may be a link): one that resolves outside the folder, or a loop
 * of links, is bad data naming the link; one that points to nothing is a missing input. A link inside the folder
 * (a class folder that is a link to another place in the corpus, say) is read as what it points to. Links in an
 * archive are never followed: they are skipped (noted), and a name leading outside the archive is refused.
 *
 * <p>A corpus is held in memory, so what is read is bounded before it is read: a document (a file of a class
 * folder or an archive) of more than {@link #MAX_DOCUMENT} is refused naming it, and so is a corpus of more than
 * {@link #MAX_CORPUS} (an archive counted as it inflates, headers included). Refused rather than truncated: a
 * document of that size is not a review or a message but a mistake or an attack, and cutting it would train on
 * text nobody chose. A document that is not text (NUL bytes, as {@code grep} and {@code git} tell binary files,
 * or a compressed file or archive inside the corpus, which is not opened) is refused naming it too.
 */
public final class TextCorpusTableSource extends ParsedTableSource {

    public static final String TEXT = "text";
    public static final String LABEL = "label";
    public static final String DOCUMENT = "document";

    /** The largest document: a thousand times a long review, a few times the longest novels. */
    static final long MAX_DOCUMENT = 16L << 20;
    /** The most text a corpus may hold (an archive as it inflates, headers included). */
    static final long MAX_CORPUS = 1L << 30;
    /** A class is named by a folder, and a folder's name has at most 255 bytes on every common file system. */
    private static final int MAX_LABEL_BYTES = 255;
    private static final TarEntries.Limits LIMITS = new TarEntries.Limits(MAX_DOCUMENT, MAX_CORPUS);

    public TextCorpusTableSource() {
        super("text corpora", Optional.of(LABEL), Optional.of(DOCUMENT));
    }

    @Override
    protected RawTable parse(DataOptions options, TextRows.Start rows) {
        return parse(options.file());
    }

    /** True when the path names something this reader takes without {@code --format}: a tar archive. */
    static boolean isArchive(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".tar");
    }

    static RawTable parse(Path path) {
        return parse(path, LIMITS);
    }

    /** {@link #parse(Path)} with other limits (tests). */
    static RawTable parse(Path path, TarEntries.Limits limits) {
        String file = path.toString();
        Corpus corpus = new Corpus(file, limits);
        if (file.equals("-")) {
            // it was "-: no such file or folder"
            throw new dev.rareclass.domain.error.UsageException("--format text reads a folder or an archive of "
                    + "documents, not standard input: give its path");
        }
        if (Files.isDirectory(path)) {
            folder(path, corpus);
        } else if (!Files.exists(path)) {
            throw new InputMissingException(path + ": no such file or folder", null);
        } else if (isArchive(path)) {
            archive(path, corpus);
        } else {
            throw new DataException(file + ": --format text reads a folder (a *.pos and a *.neg file, or one "
                    + "subfolder per class) or a .tar.gz of class folders");
        }
        if (corpus.texts.isEmpty()) {
            throw new DataException(file + ": no documents found");
        }
        int n = corpus.texts.size();
        long[] lines = new long[n];
        for (int i = 0; i < n; i++) {
            lines[i] = i + 1;
        }
        List<String> notes = new ArrayList<>(corpus.notes);
        if (corpus.latin1 > 0) {
            notes.add(corpus.latin1 + " file(s) held bytes that are not UTF-8; those bytes were read as Latin-1");
        }
        return new RawTable(file, List.of(new TextColumn(TEXT, corpus.texts.toArray(String[]::new)),
                new TextColumn(LABEL, corpus.labels.toArray(String[]::new)),
                new TextColumn(DOCUMENT, unique(file, corpus.names.all(n)))), lines, notes);
    }

    /**
     * The names, refused if two documents share one: predictions are joined back to the documents by it. A folder
     * cannot hold a path twice, but an archive can (an entry appended again, or written once as {@code c/pos/1.txt} and
     * once as {@code ./c/pos/1.txt}), and two file names whose bytes are not UTF-8 can read as the same text.
     */
    private static String[] unique(String file, String[] names) {
        // sorted, a name given twice lies beside itself: a copy of the references, not a map of a million entries
        String[] sorted = names.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i].equals(sorted[i - 1])) {
                int first = Arrays.asList(names).indexOf(sorted[i]);
                int second = Arrays.asList(names).subList(first + 1, names.length).indexOf(sorted[i]) + first + 1;
                throw new DataException(file + ": documents " + (first + 1) + " and " + (second + 1) + " are both named '"
                        + Quoting.clipped(sorted[i], 200) + "' (an archive entry given twice, or again with ./ or //, "
                        + "or file names whose bytes are not UTF-8), so their predictions could not be told apart");
            }
        }
        return names;
    }

    private static final class Corpus {
        final String file;
        final TarEntries.Limits limits;
        final List<String> texts = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        /** Each document's name, in the order the documents are added. */
        final Names names;
        /** One String per class name, however many documents carry it. */
        final Map<String, String> classes = new HashMap<>();
        long bytes;
        int latin1;

        Corpus(String file, TarEntries.Limits limits) {
            this.file = file;
            this.limits = limits;
            this.names = new Names(file, Names.MAX_CHARS);
        }

        String decode(byte[] bytes) {
            Inputs.Decoded d = Inputs.decode(bytes);
            if (d.latin1()) {
                latin1++;
            }
            return d.text();
        }

        /** Adds one document, after checking it is text; {@code where} names it in messages. */
        void add(String where, byte[] content, String label) {
            add(where, content);
            label(where, label);
        }

        /** Adds one document's text, after checking it is text; its label follows with {@link #label}. */
        void add(String where, byte[] content) {
            requireText(where, content);
            texts.add(decode(content));
        }

        /** Labels the next document added and not yet labelled. */
        void label(String where, String label) {
            labels.add(classes.computeIfAbsent(label, l -> {
                if (l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LABEL_BYTES) {
                    throw new DataException(where + ": its class folder's name is longer than " + MAX_LABEL_BYTES
                            + " bytes, which no file system allows");
                }
                return l;
            }));
        }

        /** Refuses, before it is read, a file of a folder corpus that takes it past the limits. */
        void reserve(Path f, long size, boolean document) {
            if (document && size > limits.document()) {
                throw new DataException(f + ": a document of " + TarEntries.bytes(size) + "; --format text reads "
                        + "documents of up to " + TarEntries.bytes(limits.document()) + " (remove or split it)");
            }
            bytes += size;
            if (bytes > limits.archive()) {
                throw new DataException(file + ": the corpus holds more than " + TarEntries.bytes(limits.archive())
                        + " of text (at " + f + "); --format text holds a corpus in memory and reads up to that size");
            }
        }
    }

    /**
     * Text has no NUL bytes (looked for in the first 8,000, as git and grep tell binary files); a compressed file
     * or an archive inside a corpus is named as such: it is not opened.
     */
    static void requireText(String where, byte[] b) {
        String packed = dev.rareclass.adapters.io.PackedData.kind(b, 0, b.length);
        if (packed != null) {
            throw new DataException(where + " is " + dev.rareclass.adapters.io.PackedData.phrase(packed)
                    + ", not text; --format text does not open archives or compressed files inside a corpus");
        }
        for (int i = 0, n = Math.min(b.length, 8000); i < n; i++) {
            if (b[i] == 0) {
                throw new DataException(where + " holds NUL bytes: binary data, not text");
            }
        }
    }

    private static void folder(Path dir, Corpus corpus) {
        Path root;
        try {
            root = dir.toRealPath();
        } catch (IOException e) {
            throw new InputMissingException(dir + ": cannot read the folder (" + e.getMessage() + ")", e);
        }
        List<Path> pos = new ArrayList<>();
        List<Path> neg = new ArrayList<>();
        List<Path> subfolders = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    subfolders.add(p);
                } else if (name.endsWith(".pos")) {
                    pos.add(p);
                } else if (name.endsWith(".neg")) {
                    neg.add(p);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InputMissingException(dir + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
        if (pos.size() == 1 && neg.size() == 1) {
            sentences(within(pos.get(0), root, dir), "pos", corpus);
            sentences(within(neg.get(0), root, dir), "neg", corpus);
            corpus.notes.add("one sentence a line from " + pos.get(0).getFileName() + " (pos) and "
                    + neg.get(0).getFileName() + " (neg)");
            return;
        }
        if (!pos.isEmpty() || !neg.isEmpty()) {
            if (subfolders.isEmpty()) {
                throw new DataException(corpus.file + ": expected exactly one *.pos and one *.neg file, found "
                        + pos.size() + " and " + neg.size());
            }
        }
        if (subfolders.isEmpty()) {
            throw new DataException(corpus.file + ": no *.pos/*.neg pair and no class subfolders");
        }
        List<Path> files = new ArrayList<>();
        try {
            // links are followed (a class folder may be a link to another place in the corpus), each checked
            // before it is entered or read
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (d.equals(dir)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (d.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    within(d, root, dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    String name = f.getFileName().toString();
                    if (f.getParent().equals(dir) || name.startsWith(".") || dir.relativize(f).toString().indexOf('\0') >= 0) {
                        return FileVisitResult.CONTINUE;
                    }
                    within(f, root, dir);
                    if (attrs.isRegularFile()) {
                        corpus.reserve(f, attrs.size(), true);
                        files.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    if (e instanceof FileSystemLoopException) {
                        throw new DataException(f + ": a symbolic link back to a folder that holds it (a loop); "
                                + "--format text follows links only within the corpus folder " + dir);
                    }
                    throw e;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new InputMissingException(dir + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
        files.sort(null);
        for (Path f : files) {
            byte[] content;
            try {
                content = readAtMost(f, corpus.limits.document());
            } catch (IOException e) {
                throw new InputMissingException(f + ": cannot read (" + dev.rareclass.domain.error.IoReason.of(e) + ")", e);
            }
            // the class folder, the first one under the corpus folder, however deep the file lies in it
            Path inCorpus = dir.relativize(f);
            corpus.add(f.toString(), content, inCorpus.getName(0).toString());
            StringBuilder name = new StringBuilder();
            for (Path part : inCorpus) {
                name.append(name.isEmpty() ? "" : "/").append(part);
            }
            corpus.names.add(name, 0);
        }
        corpus.notes.add("one document per file, labelled by its class folder");
    }

    /**
     * {@code p} itself when it is no symbolic link or one that resolves inside the corpus folder {@code root} (the
     * real path of {@code dir}, as given); a link that leads outside it or loops is bad data naming the link, one
     * that leads nowhere is a missing input.
     */
    private static Path within(Path p, Path root, Path dir) {
        if (!Files.isSymbolicLink(p)) {
            return p;
        }
        Path real;
        try {
            real = p.toRealPath();
        } catch (NoSuchFileException e) {
            throw new InputMissingException(p + ": a symbolic link to nothing (" + target(p) + " does not exist)", e);
        } catch (FileSystemException e) {
            // ELOOP: "Too many levels of symbolic links"
            throw new DataException(p + ": a symbolic link that cannot be followed (" + Objects.requireNonNullElse(
                    e.getReason(), "a loop of links") + "); --format text follows links only within the corpus folder "
                    + dir, e);
        } catch (IOException e) {
            throw new InputMissingException(p + ": cannot follow the symbolic link (" + e.getMessage() + ")", e);
        }
        if (!real.startsWith(root)) {
            throw new DataException(p + ": a symbolic link to " + real + ", outside the corpus folder " + dir
                    + "; --format text follows links only within it");
        }
        return p;
    }

    /** Where a link points, as written in it. */
    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "its target";
        }
    }

    /** The file's bytes; one that grew past {@code max} since it was listed is refused as it is read. */
    private static byte[] readAtMost(Path f, long max) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            byte[] b = in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 16) + 1);
            if (b.length > max) {
                throw new DataException(f + ": a document of more than " + TarEntries.bytes(max) + "; --format text "
                        + "reads documents of up to that size (remove or split it)");
            }
            return b;
        }
    }

    private static void sentences(Path file, String label, Corpus corpus) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            corpus.reserve(file, size, false);
            bytes = readAtMost(file, corpus.limits.archive());
        } catch (IOException e) {
            throw new InputMissingException(file + ": cannot read (" + dev.rareclass.domain.error.IoReason.of(e) + ")", e);
        }
        requireText(file.toString(), bytes);
        String text = corpus.decode(bytes);
        String[] lines = text.split("\r\n|\n|\r");
        StringBuilder name = new StringBuilder(file.getFileName().toString()).append(':');
        int prefix = name.length();
        for (int i = 0; i < lines.length; i++) {
            String s = lines[i].strip();
            if (!s.isEmpty()) {
                corpus.texts.add(s);
                corpus.labels.add(label);
                name.setLength(prefix);
                corpus.names.add(name.append(i + 1), 0);
            }
        }
    }

    /** The code of a folder name, given the first time it is met (with where, for a message about it). */
    private static int code(String name, String where, Map<String, Integer> codes, List<String> names,
                            List<String> firstSeen) {
        return codes.computeIfAbsent(name, k -> {
            names.add(k);
            firstSeen.add(where);
            return names.size() - 1;
        });
    }

    private static void archive(Path path, Corpus corpus) {
        TarEntries tar;
        // labelled once every entry is read: where the class folders are depends on them all (see below). Each entry
        // keeps two folder names as codes, its top folder and the one below it (a bomb of a million entries must fit
        // the heap it fitted before: a name and a path per entry did not), and each name where it was first met
        Map<String, Integer> codes = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<String> firstSeen = new ArrayList<>();
        int[] tops = new int[1024];
        int[] belows = new int[1024];
        int n = 0;
        String onlyTop = null;
        boolean oneTop = true;
        try (InputStream in = Inputs.open(path)) {
            // a .tar.gz or .tgz is inflated as it is read (isArchive takes no other names), a .tar read as it is
            tar = new TarEntries(in, corpus.file, !path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tar"),
                    corpus.limits);
            for (TarEntries.Entry e = tar.next(); e != null; e = tar.next()) {
                List<String> parts = new ArrayList<>(List.of(e.name().split("/")));
                parts.removeIf(p -> p.isEmpty() || p.equals("."));
                if (parts.size() < 2 || parts.getLast().startsWith(".")) {
                    continue;
                }
                String where = corpus.file + ": entry '" + e.name() + "'";
                corpus.add(where, e.content());
                // the path as it reads without ./ and doubled slashes; its top folder is left out below when it holds
                // every document (the folder of the class folders, as for a folder corpus)
                corpus.names.add(String.join("/", parts), parts.getFirst().length() + 1);
                if (n == tops.length) {
                    tops = Arrays.copyOf(tops, n * 2);
                    belows = Arrays.copyOf(belows, n * 2);
                }
                // a document directly in the top folder has no class folder below it: the folder that holds it
                tops[n] = code(parts.getFirst(), where, codes, names, firstSeen);
                belows[n] = code(parts.get(Math.min(1, parts.size() - 2)), where, codes, names, firstSeen);
                n++;
                oneTop &= onlyTop == null || onlyTop.equals(parts.getFirst());
                onlyTop = parts.getFirst();
            }
        } catch (IOException | UncheckedIOException e) {
            throw Inputs.failure(corpus.file, e);
        }
        // an archive of the corpus folder (tar czf c.tgz c) holds its class folders in one top folder; an archive
        // of the class folders themselves holds them at its top: one top folder for every document tells the first
        int[] label = oneTop ? belows : tops;
        for (int i = 0; i < n; i++) {
            corpus.label(firstSeen.get(label[i]), names.get(label[i]));
        }
        corpus.names.skipTops(oneTop);
        corpus.notes.add("one document per archive entry, labelled by its class folder");
        if (tar.skippedLinks() > 0) {
            corpus.notes.add(tar.skippedLinks() + " link entr" + (tar.skippedLinks() == 1 ? "y" : "ies")
                    + " skipped: links in an archive are not followed");
        }
        if (tar.skippedSpecial() > 0) {
            corpus.notes.add(tar.skippedSpecial() + " special entr" + (tar.skippedSpecial() == 1 ? "y" : "ies")
                    + " (devices, named pipes, volume labels) skipped");
        }
    }

    /**
     * The documents' names, held as one run of text and where each ends rather than a String each: an archive of a
     * million one-letter documents must still be refused at its limit in the heap it was refused in before (see the
     * archive reader). Each name may carry a leading part to leave out ({@link #skipTops}).
     */
    static final class Names {
        /**
         * Characters of all names held at most: far beyond any corpus's paths (a million documents under 128-character
         * paths), yet a bound. An archive's names are not its documents' bytes, which its limit counts: 260,000 entries
         * with 4,000-character names (12 MB gzipped) held a gigabyte of names, and growing that run of text past it ran
         * a 1.5 GB heap out of memory where the same archive of content was refused at its limit.
         */
        static final int MAX_CHARS = 128 << 20;

        private final String file;
        private final int maxChars;
        private final StringBuilder text = new StringBuilder();
        private int[] ends = new int[1024];
        private int[] tops = new int[1024];
        private int count;
        private boolean skipTops;

        /** @param maxChars characters of all names held at most ({@link #MAX_CHARS}) */
        Names(String file, int maxChars) {
            this.file = file;
            this.maxChars = maxChars;
        }

        /** Adds the next document's name; {@code top} is the length of its leading part ({@code top/}), or 0. */
        void add(CharSequence name, int top) {
            if (name.length() > maxChars - text.length()) {
                throw new DataException(file + ": the documents' names run to more than " + String.format(Locale.ROOT,
                        "%,d", maxChars) + " characters (at document " + (count + 1) + ", '" + Quoting.clipped(name.toString(), 100)
                        + "'); --format text holds every name in memory, to write it beside its prediction");
            }
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
                tops = Arrays.copyOf(tops, count * 2);
            }
            text.append(name);
            ends[count] = text.length();
            tops[count] = top;
            count++;
        }

        /** Whether the names lose their leading part (an archive whose one top folder holds the class folders). */
        void skipTops(boolean skip) {
            skipTops = skip;
        }

        /** The first {@code n} names, as Strings. */
        String[] all(int n) {
            if (n != count) {
                throw new IllegalStateException(count + " names for " + n + " documents");
            }
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                int start = i == 0 ? 0 : ends[i - 1];
                out[i] = text.substring(skipTops ? start + tops[i] : start, ends[i]);
            }
            return out;
        }
    }
}
