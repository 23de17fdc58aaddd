package dev.rareclass.adapters.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.OutputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs staged together ({@link AtomicFiles#stage()}): invisible until commit, then all in place. */
class StagedOutputsTest {

    @TempDir
    Path dir;

    private static void write(Path p, String text) {
        AtomicFiles.write(p, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> !p.equals(folder)).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aFileItsNeighbourAndAChartsFolderAppearTogetherAtCommit() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("notes.txt"), "mine");
        Files.createDirectories(work.resolve("charts"));
        Files.writeString(work.resolve("charts/old.png"), "an older chart of another name");
        try (AtomicFiles.Staged staged = AtomicFiles.stage()) {
            Path model = staged.file(work.resolve("m.model"));
            Path html = staged.file(work.resolve("r.html"));
            Path charts = staged.folder(work.resolve("charts"));
            write(model, "model");
            write(html, "page");
            write(html.resolveSibling("r.md"), "markdown");
            write(charts.resolve("roc.png"), "roc");
            assertThat(names(work)).as("nothing visible yet").filteredOn(n -> !n.startsWith(".rareclass-"))
                    .containsExactly("charts", "charts/old.png", "notes.txt");
            assertThat(staged.published(html.resolveSibling("r.md"))).isEqualTo(work.resolve("r.md"));
            assertThat(staged.published(charts.resolve("roc.png"))).isEqualTo(work.resolve("charts/roc.png"));
            staged.commit();
        }
        assertThat(names(work)).containsExactly("charts", "charts/old.png", "charts/roc.png", "m.model", "notes.txt",
                "r.html", "r.md");
        assertThat(Files.readString(work.resolve("r.md"))).isEqualTo("markdown");
    }

    @Test
    void closedWithoutCommitNothingIsLeftAndTheOlderFilesStay() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("r.html"), "older");
        try (AtomicFiles.Staged staged = AtomicFiles.stage()) {
            write(staged.file(work.resolve("r.html")), "newer");
            write(staged.folder(dir.resolve("new-charts")).resolve("roc.png"), "roc");
        }
        assertThat(names(dir)).containsExactly("work", "work/r.html");
        assertThat(Files.readString(work.resolve("r.html"))).isEqualTo("older");
    }

    @Test
    void aReplacedFileKeepsItsModeAndALinkIsFollowed() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path real = Files.writeString(work.resolve("real.html"), "older");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(work.resolve("r.html"), Path.of("real.html"));
        try (AtomicFiles.Staged staged = AtomicFiles.stage()) {
            Path html = staged.file(link);
            write(html, "newer");
            assertThat(staged.published(html)).isEqualTo(link);
            staged.commit();
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("newer");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-r-----");
    }

    @Test
    void aFileInsideAStagedReportFolderIsWrittenWithIt() throws IOException {
        try (AtomicFiles.Staged staged = AtomicFiles.stage()) {
            Path report = staged.report(dir.resolve("report"));
            Path model = staged.file(dir.resolve("report/model.rareclass"));
            assertThat(model).isEqualTo(report.resolve("model.rareclass"));
            assertThat(staged.folder(dir.resolve("report/plots"))).isEqualTo(report.resolve("plots"));
            write(model, "model");
            staged.commit();
        }
        assertThat(names(dir)).containsExactly("report", "report/model.rareclass", "report/plots");
    }

    @Test
    void whatBecameAFolderMeanwhileIsRefusedAtCommitAndNothingMoves() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        try (AtomicFiles.Staged staged = AtomicFiles.stage()) {
            write(staged.file(work.resolve("m.model")), "model");
            write(staged.file(work.resolve("r.html")), "page");
            Files.createDirectories(work.resolve("r.html"));
            assertThatThrownBy(staged::commit).isInstanceOf(OutputException.class)
                    .hasMessageContaining("r.html: cannot write (it is a folder");
        }
        assertThat(names(work)).containsExactly("r.html");
    }
}
