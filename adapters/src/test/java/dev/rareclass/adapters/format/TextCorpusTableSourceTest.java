package dev.rareclass.adapters.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.InputMissingException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.preprocess.MissingPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCorpusTableSourceTest {

    @TempDir
    Path dir;

    private final FormatTableSource source = new FormatTableSource();

    private static DataOptions text(Path p, String positive) {
        return new DataOptions(p, Optional.of("text"), true, Optional.empty(), Optional.empty(), Optional.of(positive),
                List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0);
    }

    @Test
    void aPosNegPairGivesOneRowASentenceAndLatin1BytesAreKept() throws IOException {
        Path corpus = Files.createDirectory(dir.resolve("rt"));
        Files.write(corpus.resolve("rt.pos"), "good film\n\nfine caf\u00e9\n".getBytes(StandardCharsets.UTF_8));
        Files.write(corpus.resolve("rt.neg"), "bad\r\nna\u00efve plot\r\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(corpus.resolve("README"), "not data");
        Table t = source.read(text(corpus, "pos"));
        assertThat(t.featureNames()).containsExactly("text");
        TextColumn docs = (TextColumn) t.columns().get(0);
        assertThat(Arrays.asList(docs.get(0), docs.get(1), docs.get(2), docs.get(3)))
                .containsExactly("good film", "fine caf\u00e9", "bad", "na\u00efve plot");
        assertThat(t.requireLabels().toArray()).containsExactly(1, 1, 0, 0);
        assertThat(t.notes()).anyMatch(n -> n.contains("read as Latin-1"));
    }

    /** A corpus's label is its own: the refusal asked for "--positive ... with --label" of a user who gave no --label. */
    @Test
    void aCorpusWithoutPositiveAsksForTheClassNotForALabelColumn() throws IOException {
        Path corpus = Files.createDirectory(dir.resolve("rt"));
        Files.writeString(corpus.resolve("rt.pos"), "good film\n");
        Files.writeString(corpus.resolve("rt.neg"), "bad\n");
        DataOptions noPositive = new DataOptions(corpus, Optional.of("text"), true, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0);
        assertThatThrownBy(() -> source.read(noPositive)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--positive is needed: which value of the label (a text corpus's class folder")
                .hasMessageNotContaining("with --label");
    }

    @Test
    void aFolderPerClassGivesOneRowADocumentLabelledByItsFolder() throws IOException {
        Path corpus = Files.createDirectory(dir.resolve("reviews"));
        Path pos = Files.createDirectories(corpus.resolve("pos"));
        Path neg = Files.createDirectories(corpus.resolve("neg"));
        Files.writeString(pos.resolve("a.txt"), "loved it\nreally\n");
        Files.writeString(neg.resolve("b.txt"), "hated it");
        Files.writeString(neg.resolve("c.txt"), "dull");
        Files.writeString(neg.resolve(".hidden"), "skip me");
        Files.writeString(corpus.resolve("README"), "skip me too");
        Table t = source.read(text(corpus, "pos"));
        assertThat(t.rows()).isEqualTo(3);
        TextColumn docs = (TextColumn) t.columns().get(0);
        assertThat(docs.get(0)).isEqualTo("hated it");
        assertThat(docs.get(2)).isEqualTo("loved it\nreally\n");
        assertThat(t.requireLabels().toArray()).containsExactly(0, 0, 1);
    }

    @Test
    void aTarGzOfClassFoldersIsReadWithoutUnpacking() throws IOException {
        Path archive = dir.resolve("corpus.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
            out.write(TarBuilder.of("README", "top-level files are skipped",
                    "txt/pos/1.txt", "great",
                    "txt/neg/2.txt", "awful",
                    "txt/neg/3.txt", "meh " + "x".repeat(600)));
        }
        Table t = source.read(text(archive, "pos"));
        assertThat(t.rows()).isEqualTo(3);
        assertThat(((TextColumn) t.columns().get(0)).get(2)).startsWith("meh xxx").hasSize(604);
        assertThat(t.requireLabels().toArray()).containsExactly(1, 0, 0);
        // the name alone selects the text reader
        DataOptions noFormat = new DataOptions(archive, Optional.empty(), true, Optional.empty(), Optional.empty(),
                Optional.of("neg"), List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0);
        assertThat(source.read(noFormat).requireLabels().positives()).isEqualTo(2);
    }

    @Test
    void aDocumentInASubfolderOfAClassFolderIsLabelledByTheClassFolder() throws IOException {
        Path corpus = classFolders("reviews");
        Files.writeString(Files.createDirectories(corpus.resolve("pos/2019/june")).resolve("5.txt"), "superb");
        Files.writeString(Files.createDirectories(corpus.resolve("neg/sub")).resolve("6.txt"), "boring");
        Table t = source.read(text(corpus, "pos"));
        TextColumn docs = (TextColumn) t.columns().get(0);
        // path order: neg/3, neg/4, neg/sub/6, pos/1, pos/2, pos/2019/june/5
        assertThat(docs.get(2)).isEqualTo("boring");
        assertThat(docs.get(5)).isEqualTo("superb");
        assertThat(t.requireLabels().toArray()).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat(t.labelMapping().orElseThrow().negativeValue()).isEqualTo("neg");
    }

    @Test
    void anArchivedDocumentInASubfolderOfAClassFolderIsLabelledByTheClassFolderWhereverTheArchiveStarts()
            throws IOException {
        // the corpus folder archived (c/pos/...), with a leading ./ (./c/pos/...), or its class folders (pos/...)
        for (String root : List.of("c/", "./c/", "", "./")) {
            Path archive = dir.resolve("nested.tar");
            Files.write(archive, TarBuilder.of(root + "pos/1.txt", "great", root + "pos/sub/deeper/2.txt", "superb",
                    root + "neg/3.txt", "awful", root + "neg/sub/4.txt", "dull"));
            Table t = source.read(text(archive, "pos"));
            assertThat(t.requireLabels().toArray()).as(root).containsExactly(1, 1, 0, 0);
            assertThat(t.labelMapping().orElseThrow().negativeValue()).as(root).isEqualTo("neg");
        }
    }

    /** The documents' names as predict copies them: the format's row-name column, read beside the table. */
    private List<String> documents(Path corpus) {
        DataOptions options = text(corpus, "pos");
        assertThat(source.rowNames(options)).contains("document");
        var read = source.readWithColumn(options, false, "document", "--id");
        assertThat(read.column()).isEqualTo("document");
        // a name, never a feature
        assertThat(read.table().featureNames()).containsExactly("text");
        return read.values();
    }

    @Test
    void eachDocumentIsNamedByItsPathUnderTheCorpusFolderAndNoFeatureIsMadeOfIt() throws IOException {
        Path corpus = classFolders("reviews");
        Files.writeString(Files.createDirectories(corpus.resolve("pos/2019")).resolve("5.txt"), "superb");
        assertThat(documents(corpus)).containsExactly("neg/3.txt", "neg/4.txt", "pos/1.txt", "pos/2.txt",
                "pos/2019/5.txt");
        assertThat(source.read(text(corpus, "pos")).featureNames()).containsExactly("text");
    }

    @Test
    void anArchivedDocumentIsNamedAsTheSameCorpusInAFolderWouldNameIt() throws IOException {
        // the corpus folder archived (c/pos/...), with a leading ./ or doubled slashes, or its class folders (pos/...)
        for (String root : List.of("c/", "./c/", "c//", "", "./")) {
            Path archive = dir.resolve("named.tar");
            Files.write(archive, TarBuilder.of(root + "pos/1.txt", "great", root + "pos/sub/2.txt", "superb",
                    root + "neg/3.txt", "awful"));
            assertThat(documents(archive)).as(root).containsExactly("pos/1.txt", "pos/sub/2.txt", "neg/3.txt");
        }
    }

    @Test
    void anArchiveThatNamesADocumentTwiceIsRefusedNamingIt() throws IOException {
        // an entry appended again, or the same path again with ./ or //: tar x keeps one file, predictions would hold
        // two rows no join could tell apart
        for (String again : List.of("c/pos/1.txt", "./c/pos/1.txt", "c//pos/1.txt")) {
            Path archive = dir.resolve("twice.tar");
            Files.write(archive, TarBuilder.of("c/pos/1.txt", "great", "c/neg/2.txt", "awful", again, "superb"));
            assertThatThrownBy(() -> source.read(text(archive, "pos"))).as(again)
                    .isInstanceOf(DataException.class).hasMessageContaining("twice.tar")
                    .hasMessageContaining("documents 1 and 3 are both named 'pos/1.txt'");
        }
        // the same file name in two class folders names two documents
        Path archive = dir.resolve("both.tar");
        Files.write(archive, TarBuilder.of("c/pos/1.txt", "great", "c/neg/1.txt", "awful"));
        assertThat(documents(archive)).containsExactly("pos/1.txt", "neg/1.txt");
    }

    @Test
    void namesPastTheirBoundAreRefusedNamingTheDocumentNotHeldUntilTheHeapRunsOut() {
        // an archive's long names are not counted by its size limit: 260,000 names of 4,000 characters ran a 1.5 GB
        // heap out of memory (exit 70) where as many bytes of documents were refused at the limit (exit 65)
        TextCorpusTableSource.Names names = new TextCorpusTableSource.Names("c.tar", 20);
        names.add("pos/1.txt", 0);
        names.add("pos/2.txt", 0);
        assertThatThrownBy(() -> names.add("pos/3\u001b.txt", 0)).isInstanceOf(DataException.class)
                .hasMessage("c.tar: the documents' names run to more than 20 characters (at document 3, 'pos/3?.txt'); "
                        + "--format text holds every name in memory, to write it beside its prediction");
        assertThat(names.all(2)).containsExactly("pos/1.txt", "pos/2.txt");
        assertThat(TextCorpusTableSource.Names.MAX_CHARS).isEqualTo(128 << 20);
    }

    @Test
    void aSentenceIsNamedByItsFileAndLineBlankLinesCounted() throws IOException {
        Path corpus = Files.createDirectory(dir.resolve("rt"));
        Files.writeString(corpus.resolve("rt.pos"), "good film\n\n  \nfine\n");
        Files.writeString(corpus.resolve("rt.neg"), "bad\r\ndull\rweak\n");
        assertThat(documents(corpus)).containsExactly("rt.pos:1", "rt.pos:4", "rt.neg:1", "rt.neg:2", "rt.neg:3");
    }

    @Test
    void aTruncatedArchiveIsADataError() throws IOException {
        byte[] tar = TarBuilder.of("c/pos/1.txt", "x".repeat(2000), "c/neg/2.txt", "y");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(tar);
        }
        Path cut = dir.resolve("cut.tar.gz");
        Files.write(cut, Arrays.copyOf(gz.toByteArray(), gz.size() / 2));
        assertThatThrownBy(() -> source.read(text(cut, "pos")))
                .isInstanceOf(DataException.class).hasMessageContaining("cut.tar.gz").hasMessageContaining("truncated");
        Path notTar = dir.resolve("plain.tar");
        Files.write(notTar, new byte[1024 + 3]);
        Files.writeString(notTar, "just some text that is long enough to fill a header block ".repeat(20));
        assertThatThrownBy(() -> source.read(text(notTar, "pos")))
                .isInstanceOf(DataException.class).hasMessageContaining("not a tar archive");
    }

    @Test
    void aFolderWithNeitherLayoutIsRefused() throws IOException {
        Path corpus = Files.createDirectory(dir.resolve("flat"));
        Files.writeString(corpus.resolve("a.txt"), "x");
        assertThatThrownBy(() -> source.read(text(corpus, "pos")))
                .isInstanceOf(DataException.class).hasMessageContaining("no *.pos/*.neg pair and no class subfolders");
    }

    /** A folder-per-class corpus {@code name} with two documents in pos and two in neg. */
    private Path classFolders(String name) throws IOException {
        Path corpus = Files.createDirectory(dir.resolve(name));
        Path pos = Files.createDirectory(corpus.resolve("pos"));
        Path neg = Files.createDirectory(corpus.resolve("neg"));
        Files.writeString(pos.resolve("1.txt"), "loved it");
        Files.writeString(pos.resolve("2.txt"), "great fun");
        Files.writeString(neg.resolve("3.txt"), "dull");
        Files.writeString(neg.resolve("4.txt"), "too long");
        return corpus;
    }

    private Path secret() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        return Files.writeString(outside.resolve("secret.txt"), "not part of any corpus");
    }

    @Test
    void aDocumentLinkedFromOutsideTheFolderIsRefusedNamingTheLink() throws IOException {
        // before: the file the link points to was read as a positive document
        Path corpus = classFolders("reviews");
        Path link = Files.createSymbolicLink(corpus.resolve("pos/evil.txt"), secret());
        assertThatThrownBy(() -> source.read(text(corpus, "pos"))).isInstanceOf(DataException.class)
                .hasMessage(link + ": a symbolic link to " + secret().toRealPath() + ", outside the corpus folder "
                        + corpus + "; --format text follows links only within it");
    }

    @Test
    void aPosFileLinkedFromOutsideIsRefused() throws IOException {
        Path corpus = Files.createDirectory(dir.resolve("rt"));
        Files.writeString(corpus.resolve("rt.neg"), "bad\n");
        Path link = Files.createSymbolicLink(corpus.resolve("rt.pos"), secret());
        assertThatThrownBy(() -> source.read(text(corpus, "pos"))).isInstanceOf(DataException.class)
                .hasMessageStartingWith(link + ": a symbolic link to ").hasMessageContaining("outside the corpus folder");
    }

    @Test
    void aClassFolderLinkedFromOutsideIsRefused() throws IOException {
        // before: silently left out, so the corpus lost a class without a word
        Path corpus = classFolders("reviews");
        Path link = Files.createSymbolicLink(corpus.resolve("extra"), secret().getParent());
        assertThatThrownBy(() -> source.read(text(corpus, "pos"))).isInstanceOf(DataException.class)
                .hasMessageStartingWith(link + ": a symbolic link to " + secret().getParent().toRealPath() + ", outside");
    }

    @Test
    void aLinkThatEscapesThroughALinkedFolderInsideIsRefused() throws IOException {
        Path corpus = classFolders("reviews");
        // a hidden folder is not read itself, but a link inside the corpus may lead into it
        Path more = Files.createDirectory(corpus.resolve(".more"));
        Files.createSymbolicLink(more.resolve("up.txt"), Path.of("../../elsewhere/secret.txt"));
        secret();
        Files.createSymbolicLink(corpus.resolve("neg/more"), Path.of("../.more"));
        assertThatThrownBy(() -> source.read(text(corpus, "pos"))).isInstanceOf(DataException.class)
                .hasMessageStartingWith(corpus.resolve("neg/more/up.txt") + ": a symbolic link to "
                        + secret().toRealPath() + ", outside");
    }

    @Test
    void aLoopOfFoldersIsRefused() throws IOException {
        // before: the link was not followed; following links, a loop must end in a refusal, not a hang
        Path corpus = classFolders("reviews");
        Path link = Files.createSymbolicLink(corpus.resolve("pos/again"), Path.of(".."));
        assertThatThrownBy(() -> source.read(text(corpus, "pos"))).isInstanceOf(DataException.class)
                .hasMessageStartingWith(link + ": a symbolic link back to a folder that holds it (a loop)");
    }

    @Test
    void aLoopOfFileLinksIsRefused() throws IOException {
        Path corpus = classFolders("reviews");
        Files.createSymbolicLink(corpus.resolve("neg/a.txt"), Path.of("b.txt"));
        Files.createSymbolicLink(corpus.resolve("neg/b.txt"), Path.of("a.txt"));
        assertThatThrownBy(() -> source.read(text(corpus, "pos"))).isInstanceOf(DataException.class)
                .hasMessageContaining("a symbolic link that cannot be followed")
                .hasMessageContaining("follows links only within the corpus folder " + corpus);
    }

    @Test
    void aLinkToNothingIsAMissingInput() throws IOException {
        Path corpus = classFolders("reviews");
        Path link = Files.createSymbolicLink(corpus.resolve("neg/gone.txt"), Path.of("nowhere.txt"));
        assertThatThrownBy(() -> source.read(text(corpus, "pos"))).isInstanceOf(InputMissingException.class)
                .hasMessage(link + ": a symbolic link to nothing (nowhere.txt does not exist)");
    }

    @Test
    void linksWithinTheFolderAndAFolderGivenAsALinkAreRead() throws IOException {
        Path corpus = classFolders("reviews");
        Files.createSymbolicLink(corpus.resolve("neg/5.txt"), Path.of("../pos/1.txt"));
        Path alsoPos = Files.createDirectory(corpus.resolve("store"));
        Files.writeString(alsoPos.resolve("6.txt"), "brilliant");
        Files.createSymbolicLink(corpus.resolve("pos/more"), Path.of("../store"));
        Files.createSymbolicLink(corpus.resolve("pos/.hidden"), secret());
        Path given = Files.createSymbolicLink(dir.resolve("reviews-link"), corpus);
        Table t = source.read(text(given, "pos"));
        TextColumn docs = (TextColumn) t.columns().get(0);
        // path order: neg/3, neg/4, neg/5 (-> pos/1), pos/1, pos/2, pos/more/6 and store/6 (labelled by their
        // class folders, pos and store: store is not the positive class); the hidden link is not followed
        assertThat(t.rows()).isEqualTo(7);
        assertThat(docs.get(2)).isEqualTo("loved it");
        assertThat(docs.get(5)).isEqualTo("brilliant");
        assertThat(t.requireLabels().toArray()).containsExactly(0, 0, 0, 1, 1, 1, 0);
    }

    /** A corpus is a folder or an archive: standard input was "-: no such file or folder" (exit 66). */
    @Test
    void standardInputIsRefusedAsNoCorpus() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TextCorpusTableSource.parse(java.nio.file.Path.of("-")))
                .isInstanceOf(dev.rareclass.domain.error.UsageException.class)
                .hasMessage("--format text reads a folder or an archive of documents, not standard input: give its path");
    }
}
