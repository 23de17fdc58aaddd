package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input that is a loop of symbolic links (a model, a table, a recipe): exit 66 and one line naming the path once,
 * with the reason in words. The JDK's message starts with the path again, so it read "x: cannot read (x: Too many
 * levels of symbolic links or unable to access attributes of symbolic link)".
 */
class SymbolicLinkLoopInputTest {

    @TempDir
    static Path dir;

    static Path table;
    static Path model;
    static Path loop;

    @BeforeAll
    static void write() throws IOException {
        table = SmallTable.writeNumeric(dir.resolve("t.csv"));
        model = dir.resolve("m.model");
        InProcessCli t = InProcessCli.run("train", table.toString(), "--label", "y", "--positive", "1", "--model",
                "logistic", "--out", model.toString());
        assertThat(t.exitCode()).as(t.err()).isZero();
        loop = dir.resolve("loop.model");
        Files.createSymbolicLink(dir.resolve("other.model"), loop.getFileName());
        Files.createSymbolicLink(loop, Path.of("other.model"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"evaluate {loop} {table}", "evaluate {model} {loop}", "describe {loop}",
            "predict {loop} {table} --out {dir}/p.csv", "inspect {loop}", "train {loop} --label y --positive 1 --model logistic --out {dir}/x.model",
            "run {loop}"})
    void aLoopOfSymbolicLinksIsNamedOnceWithItsReasonInWords(String command) {
        String[] args = command.replace("{loop}", loop.toString()).replace("{table}", table.toString())
                .replace("{model}", model.toString()).replace("{dir}", dir.toString()).split(" ");
        InProcessCli r = InProcessCli.run(args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(66);
        assertThat(r.err().strip()).isEqualTo("rareclass: " + loop + ": cannot read (a loop of symbolic links)");
        assertThat(dir.resolve("x.model")).doesNotExist();
        assertThat(dir.resolve("p.csv")).doesNotExist();
    }
}
