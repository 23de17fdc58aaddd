package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hostile corpus of output paths through the real command line: folders, missing folders, files on the way,
 * named pipes, devices, symbolic links (to files, chains, dangling, loops), long and non-ASCII names, a file named
 * {@code -}, for files ({@code predict}, {@code resample}, {@code train}, {@code evaluate --json}) and report folders
 * ({@code compare}).
 * Each case checks the exit code, one or two plain lines naming the output, that nothing that is not a regular
 * file was replaced, and that no temporary file or folder was left.
 */
class OutputTargetCorpusTest {

    @TempDir
    static Path shared;

    static Path data;
    static Path model;

    @BeforeAll
    static void trainModel() throws IOException {
        data = SmallTable.write(shared.resolve("good.csv"));
        model = SmallTable.trainLogistic(data, shared.resolve("logistic.model"));
    }

    /** Makes the case's files in its own folder and returns the output path to give. */
    interface Setup {
        String make(Path dir) throws Exception;
    }

    /** Checks the case's folder afterwards. */
    interface Check {
        void check(Path dir) throws Exception;
    }

    enum Command { PREDICT, RESAMPLE, TRAIN, EVALUATE_JSON, COMPARE }

    record Case(String name, Command command, Setup setup, int exit, String mentions, Check check) {
    }

    static Stream<Arguments> corpus() {
        List<Case> cases = new ArrayList<>();
        for (Command c : List.of(Command.PREDICT, Command.RESAMPLE, Command.TRAIN, Command.EVALUATE_JSON)) {
            String n = c.name().toLowerCase() + ": ";
            cases.add(new Case(n + "output is a folder", c, d -> mkdir(d, "out").toString(), 73, "folder",
                    d -> assertThat(d.resolve("out")).isEmptyDirectory()));
            cases.add(new Case(n + "in a missing folder", c, d -> d.resolve("missing/out.csv").toString(), 73,
                    "does not exist", d -> assertThat(d.resolve("missing")).doesNotExist()));
            cases.add(new Case(n + "a file on the way", c, d -> {
                Files.writeString(d.resolve("afile"), "x");
                return d.resolve("afile/out.csv").toString();
            }, 73, "not a folder", d -> assertThat(d.resolve("afile")).hasContent("x")));
            cases.add(new Case(n + "a named pipe", c, d -> fifo(d.resolve("pipe")).toString(), 73, "named pipe",
                    d -> assertThat(isFifo(d.resolve("pipe"))).as("still a pipe").isTrue()));
            cases.add(new Case(n + "a symbolic link to a pipe", c, d -> {
                fifo(d.resolve("pipe"));
                return Files.createSymbolicLink(d.resolve("link"), Path.of("pipe")).toString();
            }, 73, "named pipe", d -> {
                assertThat(isFifo(d.resolve("pipe"))).as("still a pipe").isTrue();
                assertThat(Files.isSymbolicLink(d.resolve("link"))).isTrue();
            }));
            cases.add(new Case(n + "a device", c, OutputTargetCorpusTest::device, 73, "device",
                    d -> assertThat(isCharDevice(Path.of(Files.readString(d.resolve(".device"))))).isTrue()));
            cases.add(new Case(n + "a symbolic link to a file", c, d -> {
                Files.writeString(d.resolve("target.csv"), "old");
                return Files.createSymbolicLink(d.resolve("link.csv"), Path.of("target.csv")).toString();
            }, 0, null, d -> {
                assertThat(Files.isSymbolicLink(d.resolve("link.csv"))).as("the link stays a link").isTrue();
                assertThat(Files.size(d.resolve("target.csv"))).as("its target was written").isGreaterThan(3);
            }));
            cases.add(new Case(n + "a chain of two links", c, d -> {
                Files.writeString(d.resolve("target.csv"), "old");
                Files.createSymbolicLink(d.resolve("b.csv"), Path.of("target.csv"));
                return Files.createSymbolicLink(d.resolve("a.csv"), d.resolve("b.csv")).toString();
            }, 0, null, d -> {
                assertThat(Files.isSymbolicLink(d.resolve("a.csv"))).isTrue();
                assertThat(Files.isSymbolicLink(d.resolve("b.csv"))).isTrue();
                assertThat(Files.size(d.resolve("target.csv"))).isGreaterThan(3);
            }));
            cases.add(new Case(n + "a dangling link", c, d ->
                    Files.createSymbolicLink(d.resolve("link.csv"), Path.of("new.csv")).toString(), 0, null, d -> {
                assertThat(Files.isSymbolicLink(d.resolve("link.csv"))).isTrue();
                assertThat(d.resolve("new.csv")).isRegularFile();
            }));
            cases.add(new Case(n + "a dangling link into a missing folder", c, d ->
                    Files.createSymbolicLink(d.resolve("link.csv"), Path.of("nowhere/new.csv")).toString(), 73,
                    "does not exist", d -> assertThat(d.resolve("nowhere")).doesNotExist()));
            cases.add(new Case(n + "a loop of links", c, d -> {
                Files.createSymbolicLink(d.resolve("l1"), Path.of("l2"));
                return Files.createSymbolicLink(d.resolve("l2"), Path.of("l1")).toString();
            }, 73, "symbolic links", d -> assertThat(Files.isSymbolicLink(d.resolve("l1"))).isTrue()));
            cases.add(new Case(n + "a name of 246 bytes", c, d -> d.resolve("p".repeat(242) + ".csv").toString(), 0,
                    null, d -> assertThat(d.resolve("p".repeat(242) + ".csv")).isRegularFile()));
            cases.add(new Case(n + "a name of 255 bytes", c, d -> d.resolve("q".repeat(251) + ".csv").toString(), 0,
                    null, d -> assertThat(d.resolve("q".repeat(251) + ".csv")).isRegularFile()));
            cases.add(new Case(n + "a name of 256 bytes", c, d -> d.resolve("r".repeat(252) + ".csv").toString(), 73,
                    "too long", d -> { }));
            // 2-byte UTF-8 characters: 127 of them and ".csv" make 258 bytes, too long; 125 make 254, fine
            cases.add(new Case(n + "a non-ASCII name of 254 bytes", c, d -> d.resolve("é".repeat(125) + ".csv")
                    .toString(), 0, null, d -> assertThat(d.resolve("é".repeat(125) + ".csv")).isRegularFile()));
            cases.add(new Case(n + "a non-ASCII name of 258 bytes", c, d -> d.resolve("é".repeat(127) + ".csv")
                    .toString(), 73, "too long", d -> { }));
            cases.add(new Case(n + "a file named - (as ./-)", c, d -> d.resolve("-").toString(), 0, null,
                    d -> assertThat(d.resolve("-")).isRegularFile()));
            cases.add(inReadOnlyFolder(n + "a read-only folder", c, "out.csv"));
            cases.add(new Case(n + "an empty name", c, d -> "", 2, "empty", d -> { }));
            cases.add(new Case(n + "the current folder", c, d -> ".", 73, "folder", d -> { }));
            // a shell's > and cp read a trailing / as a folder; the JDK drops it, and --out models/ wrote a file models
            cases.add(new Case(n + "a new name ending in /", c, d -> d.resolve("out") + "/", 73, "ending in /",
                    d -> assertThat(d.resolve("out")).doesNotExist()));
            cases.add(new Case(n + "a file's name ending in /", c, d -> {
                Files.writeString(d.resolve("old.csv"), "old");
                return d.resolve("old.csv") + "/";
            }, 73, "ending in /", d -> assertThat(d.resolve("old.csv")).hasContent("old")));
            cases.add(new Case(n + "a link to a folder", c, d -> {
                mkdir(d, "real");
                return Files.createSymbolicLink(d.resolve("link"), Path.of("real")).toString();
            }, 73, "folder", d -> assertThat(d.resolve("real")).isEmptyDirectory()));
            cases.add(new Case(n + "replacing another user's file keeps its owner (root only)", c, d -> {
                Assumptions.assumeTrue(isRoot(), "only root can give a file to another user");
                Path f = d.resolve("theirs.csv");
                Files.writeString(f, "old");
                Process chown = new ProcessBuilder("chown", "12345:12345", f.toString()).inheritIO().start();
                Assumptions.assumeTrue(chown.waitFor() == 0, "chown is not allowed here");
                return f.toString();
            }, 0, null, d -> assertThat(Files.getAttribute(d.resolve("theirs.csv"), "unix:uid")).isEqualTo(12345)));
            cases.add(new Case(n + "another user's link in a sticky shared folder (root only)", c, d -> {
                Assumptions.assumeTrue(isRoot(), "only root can make a link that belongs to another user");
                Path tmp = mkdir(d, "shared");
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
                Process sticky = new ProcessBuilder("chmod", "1777", tmp.toString()).inheritIO().start();
                Assumptions.assumeTrue(sticky.waitFor() == 0, "chmod +t is not allowed here");
                Files.writeString(d.resolve("precious"), "keep");
                Path link = Files.createSymbolicLink(tmp.resolve("out.csv"), d.resolve("precious"));
                Process chown = new ProcessBuilder("chown", "-h", "12345", link.toString()).inheritIO().start();
                Assumptions.assumeTrue(chown.waitFor() == 0, "chown -h is not allowed here");
                return link.toString();
            }, 73, "another user", d -> assertThat(d.resolve("precious")).hasContent("keep")));
            cases.add(new Case(n + "replacing a file keeps its mode", c, d -> {
                Path f = d.resolve("old.csv");
                Files.writeString(f, "old");
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-r--"));
                return f.toString();
            }, 0, null, d -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(d.resolve("old.csv"))))
                    .isEqualTo("rw-rw-r--")));
        }

        String n = "compare --report: ";
        Command c = Command.COMPARE;
        cases.add(new Case(n + "an existing file", c, d -> {
            Files.writeString(d.resolve("afile"), "x");
            return d.resolve("afile").toString();
        }, 73, "not a folder", d -> assertThat(d.resolve("afile")).hasContent("x")));
        cases.add(new Case(n + "a named pipe", c, d -> fifo(d.resolve("pipe")).toString(), 73, "named pipe",
                d -> assertThat(isFifo(d.resolve("pipe"))).isTrue()));
        cases.add(new Case(n + "a device", c, OutputTargetCorpusTest::device, 73, "device",
                d -> assertThat(isCharDevice(Path.of(Files.readString(d.resolve(".device"))))).isTrue()));
        cases.add(new Case(n + "a file on the way", c, d -> {
            Files.writeString(d.resolve("afile"), "x");
            return d.resolve("afile/report").toString();
        }, 73, "not a folder", d -> assertThat(d.resolve("afile")).hasContent("x")));
        cases.add(new Case(n + "a loop of links", c, d -> {
            Files.createSymbolicLink(d.resolve("l1"), Path.of("l2"));
            return Files.createSymbolicLink(d.resolve("l2"), Path.of("l1")).toString();
        }, 73, "symbolic links", d -> { }));
        cases.add(new Case(n + "standard output", c, d -> "-", 2, "standard output", d -> { }));
        cases.add(new Case(n + "an empty name", c, d -> "", 2, "empty", d -> { }));
        cases.add(new Case(n + "a dangling link makes its target folder", c, d ->
                Files.createSymbolicLink(d.resolve("link"), Path.of("made")).toString(), 0, null, d -> {
            assertThat(Files.isSymbolicLink(d.resolve("link"))).isTrue();
            assertThat(d.resolve("made/report.html")).isRegularFile();
        }));
        cases.add(new Case(n + "a dangling link into a file", c, d -> {
            Files.writeString(d.resolve("afile"), "x");
            return Files.createSymbolicLink(d.resolve("link"), Path.of("afile/report")).toString();
        }, 73, "not a folder", d -> assertThat(d.resolve("afile")).hasContent("x")));
        cases.add(inReadOnlyFolder(n + "inside a read-only folder", c, "report"));
        cases.add(new Case(n + "a read-only older report stays as it was", c, d -> {
            Path r = mkdir(d, "report");
            Files.writeString(r.resolve("report.html"), "old");
            Files.setPosixFilePermissions(r, PosixFilePermissions.fromString("r-xr-xr-x"));
            return r.toString();
        }, 73, "permission denied", d -> {
            Assumptions.assumeFalse(isRoot(), "root writes into read-only folders; nothing to check");
            assertThat(d.resolve("report/report.html")).hasContent("old");
        }));
        cases.add(new Case(n + "a name of 255 bytes", c, d -> d.resolve("s".repeat(255)).toString(), 0, null,
                d -> assertThat(d.resolve("s".repeat(255)).resolve("leaderboard.csv")).isRegularFile()));
        cases.add(new Case(n + "missing nested folders are made", c, d -> d.resolve("a/b/report").toString(), 0, null,
                d -> assertThat(d.resolve("a/b/report/report.html")).isRegularFile()));
        cases.add(new Case(n + "a link to a folder", c, d -> {
            mkdir(d, "real");
            return Files.createSymbolicLink(d.resolve("link"), Path.of("real")).toString();
        }, 0, null, d -> {
            assertThat(Files.isSymbolicLink(d.resolve("link"))).isTrue();
            assertThat(d.resolve("real/leaderboard.csv")).isRegularFile();
        }));
        cases.add(new Case(n + "an older report: its other files go, the user's stay", c, d -> {
            Path r = mkdir(d, "report");
            Files.writeString(r.resolve("manifest.json"), "{\"old\": true}");
            Files.writeString(r.resolve("report.html"), "old");
            Files.writeString(r.resolve("notes.txt"), "mine");
            return r.toString();
        }, 0, null, d -> {
            Path r = d.resolve("report");
            assertThat(r.resolve("manifest.json")).as("the older run's manifest is not left beside the new report")
                    .doesNotExist();
            assertThat(Files.readString(r.resolve("report.html"))).isNotEqualTo("old");
            assertThat(r.resolve("notes.txt")).hasContent("mine");
        }));
        cases.add(new Case(n + "a folder that holds no report: the user's files of report names stay", c, d -> {
            Path r = mkdir(d, "mine");
            Files.writeString(r.resolve("model.rareclass"), "my model");
            Files.writeString(r.resolve("notes.txt"), "mine");
            return r.toString();
        }, 0, null, d -> {
            // model.rareclass is a name a report may write (run's refit), but no report was ever in this folder
            assertThat(d.resolve("mine/model.rareclass")).hasContent("my model");
            assertThat(d.resolve("mine/notes.txt")).hasContent("mine");
            assertThat(d.resolve("mine/report.html")).isRegularFile();
        }));
        cases.add(new Case(n + "a non-ASCII name of 255 bytes", c, d -> d.resolve("ü".repeat(127) + "x").toString(), 0,
                null, d -> assertThat(d.resolve("ü".repeat(127) + "x").resolve("report.html")).isRegularFile()));
        return cases.stream().map(k -> Arguments.of(Named.of(k.name(), k)));
    }

    /** An output named {@code out} in a read-only folder: refused, and nothing made there (but as root, who may). */
    private static Case inReadOnlyFolder(String name, Command c, String out) {
        return new Case(name, c, d -> {
            Path ro = mkdir(d, "ro");
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
            return ro.resolve(out).toString();
        }, 73, "permission denied", d -> {
            Assumptions.assumeFalse(isRoot(), "root writes into read-only folders; nothing to check");
            assertThat(d.resolve("ro")).isEmptyDirectory();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void answersEveryOutputPathTheSameWay(Case k) throws Exception {
        Path dir = Files.createTempDirectory(shared, "case");
        String out = k.setup().make(dir);
        List<String> before = listing(dir);
        InProcessCli r = InProcessCli.run(args(k.command(), out));
        String err = r.err().lines().filter(l -> !l.startsWith("note:")).reduce("", (a, b) -> a + b + "\n").strip();
        if (k.exit() != 0 && isRoot() && k.mentions().equals("permission denied")) {
            Assumptions.assumeTrue(r.exitCode() != 0, "root writes into read-only folders");
        }
        assertThat(r.exitCode()).as(err).isEqualTo(k.exit());
        if (k.exit() != 0) {
            assertThat(err).contains("rareclass:").containsIgnoringCase(k.mentions()).doesNotContain("\tat ")
                    .doesNotContain("Exception");
            assertThat(err.lines().count()).as(err).isLessThanOrEqualTo(2);
            if (!out.equals("-") && !out.isEmpty() && !out.equals(".")) {
                assertThat(err).contains(Path.of(out).getFileName().toString().length() > 60 ? out.substring(0, 40) : out);
            }
            assertThat(listing(dir)).as("nothing new in the folder").isEqualTo(before);
        }
        k.check().check(dir);
        assertNoTemporaries(dir);
    }

    /** The other options that name one file to write: a trailing / is refused before any work, nothing made. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"tune --out", "train --report", "evaluate --report"})
    void aNameEndingInSlashIsRefusedForEveryFileOutput(String which) throws Exception {
        Path dir = Files.createTempDirectory(shared, "slash");
        Path space = Files.writeString(dir.resolve("space.yaml"), "lambda: [0.1, 1.0]\n");
        String out = dir.resolve("made") + "/";
        String[] args = switch (which) {
            case "tune --out" -> new String[]{"tune", data.toString(), "--label", "y", "--positive", "1",
                    "--categorical", "color", "--model", "logistic", "--space", space.toString(), "--trials", "1",
                    "--folds", "2", "--quiet", "--out", out};
            case "train --report" -> new String[]{"train", data.toString(), "--label", "y", "--positive", "1",
                    "--categorical", "color", "--model", "logistic", "--out", dir.resolve("m.model").toString(),
                    "--report", out};
            default -> new String[]{"evaluate", model.toString(), data.toString(), "--report", out};
        };
        InProcessCli r = InProcessCli.run(args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(73);
        assertThat(r.err().strip()).isEqualTo("rareclass: " + out + ": a name ending in / is a folder; "
                + which.substring(which.indexOf(' ') + 1) + " needs a file's name");
        assertThat(listing(dir)).containsExactly("", "space.yaml");
    }

    private static String[] args(Command c, String out) {
        return switch (c) {
            case PREDICT -> new String[]{"predict", model.toString(), data.toString(), "--out", out};
            case RESAMPLE -> new String[]{"resample", data.toString(), "--label", "y", "--positive", "1",
                    "--categorical", "color", "--sampler", "random-over", "--out", out};
            case TRAIN -> new String[]{"train", data.toString(), "--label", "y", "--positive", "1", "--categorical",
                    "color", "--model", "logistic", "--out", out};
            case EVALUATE_JSON -> new String[]{"evaluate", model.toString(), data.toString(), "--json", out};
            case COMPARE -> new String[]{"compare", data.toString(), "--label", "y", "--positive", "1", "--categorical",
                    "color", "--models", "logistic", "--folds", "2", "--report", out};
        };
    }

    static void assertNoTemporaries(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            assertThat(walk.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".rareclass-")
                    || n.endsWith(".part")).toList()).as("temporary files left").isEmpty();
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.getFileName().toString().equals(".device"))
                    .map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    static Path mkdir(Path d, String name) throws IOException {
        return Files.createDirectory(d.resolve(name));
    }

    static Path fifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        Assumptions.assumeTrue(mk.waitFor() == 0 && Files.exists(p), "mkfifo is not available here");
        return p;
    }

    static boolean isFifo(Path p) throws IOException {
        return (((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0170000) == 0010000;
    }

    static boolean isCharDevice(Path p) throws IOException {
        return (((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0170000) == 0020000;
    }

    /**
     * A character device to write over: as root, a copy of /dev/null's node made with mknod in the case's folder
     * (so a regression replaces that copy, not the machine's /dev/null); as a user, /dev/null itself, which a user
     * cannot replace. Its path is kept in {@code .device} for the check.
     */
    static String device(Path d) throws Exception {
        Path dev;
        if (isRoot()) {
            dev = d.resolve("null-device");
            Process mk = new ProcessBuilder("mknod", dev.toString(), "c", "1", "3").inheritIO().start();
            Assumptions.assumeTrue(mk.waitFor() == 0 && Files.exists(dev), "mknod is not allowed here");
        } else {
            dev = Path.of("/dev/null");
        }
        Files.writeString(d.resolve(".device"), dev.toString(), StandardCharsets.UTF_8);
        return dev.toString();
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
