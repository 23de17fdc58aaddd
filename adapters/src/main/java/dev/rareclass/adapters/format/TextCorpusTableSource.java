package dev.rareclass.adapters.format;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.InputMissingException;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads labelled text corpora ({@code --format text}) into two columns, {@code text} (one document per
 * row) and {@code label}; {@code --label} defaults to {@code label} and {@code --positive} names the
 * rare class ({@code pos}, say). DATA is one of:
 * <ul>
 * <li>a folder holding exactly one {@code *.pos} and one {@code *.neg} file: one sentence a line
 *     (blank lines skipped), labelled {@code pos} / {@code neg} (Pang &amp; Lee's rt-polarity);</li>
 * <li>a folder with one subfolder per class: one document per file, labelled with the name of the
 *     folder that holds it (files directly in DATA, and hidden files, are skipped), in path order;</li>
 * <li>a {@code .tar.gz}, {@code .tgz} or {@code .tar} of such folders (review_polarity.tar.gz), in archive
 *     order.</li>
 * </ul>
 * Text is decoded as UTF-8, with bytes that are not valid UTF-8 read as Latin-1 (noted). Symbolic links in a
 * folder are followed only within it (DATA itself may be a link): one that resolves outside the folder, or a loop
 * of links, is bad data naming the link; one that points to nothing is a missing input. A link inside the folder
 * (a class folder that is a link to another place in the corpus, say) is read as what it points to.
 */
public final class TextCorpusTableSource extends ParsedTableSource {

    public static final String TEXT = "text";
    public static final String LABEL = "label";

    public TextCorpusTableSource() {
        super("text corpora", Optional.of(LABEL));
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
        String file = path.toString();
        Corpus corpus = new Corpus(file);
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
                new TextColumn(LABEL, corpus.labels.toArray(String[]::new))), lines, notes);
    }

    private static final class Corpus {
        final String file;
        final List<String> texts = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        int latin1;

        Corpus(String file) {
            this.file = file;
        }

        String decode(byte[] bytes) {
            Inputs.Decoded d = Inputs.decode(bytes);
            if (d.latin1()) {
                latin1++;
            }
            return d.text();
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
            try {
                corpus.texts.add(corpus.decode(Files.readAllBytes(f)));
            } catch (IOException e) {
                throw new InputMissingException(f + ": cannot read (" + e.getMessage() + ")", e);
            }
            corpus.labels.add(f.getParent().getFileName().toString());
        }
        corpus.notes.add("one document per file, labelled by its folder");
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

    private static void sentences(Path file, String label, Corpus corpus) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputMissingException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        String text = corpus.decode(bytes);
        for (String line : text.split("\r\n|\n|\r")) {
            String s = line.strip();
            if (!s.isEmpty()) {
                corpus.texts.add(s);
                corpus.labels.add(label);
            }
        }
    }

    private static void archive(Path path, Corpus corpus) {
        try (InputStream in = Inputs.open(path)) {
            TarEntries tar = new TarEntries(in, corpus.file);
            for (TarEntries.Entry e = tar.next(); e != null; e = tar.next()) {
                String[] parts = e.name().split("/");
                if (parts.length < 2 || parts[parts.length - 1].startsWith(".")) {
                    continue;
                }
                corpus.texts.add(corpus.decode(e.content()));
                corpus.labels.add(parts[parts.length - 2]);
            }
        } catch (IOException | UncheckedIOException e) {
            throw Inputs.failure(corpus.file, e);
        }
        corpus.notes.add("one document per archive entry, labelled by its folder");
    }
}
