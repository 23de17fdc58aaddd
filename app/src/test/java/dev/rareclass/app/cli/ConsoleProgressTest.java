package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress bars go to standard error, so whether to draw them is a question about standard error, not about the
 * standard input and output that {@code System.console()} looks at: {@code compare ... > board.txt} on a terminal
 * drew no bars, and {@code compare ... 2> log.txt} from a terminal wrote them, escape codes and all, into the log.
 */
class ConsoleProgressTest {

    @TempDir
    Path dir;

    @Test
    void terminalsAreThePseudoTerminalsAndConsoles() {
        assertThat(ConsoleProgress.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(ConsoleProgress.isTerminalDevice("/dev/tty2")).isTrue();
        assertThat(ConsoleProgress.isTerminalDevice("/dev/console")).isTrue();
        assertThat(ConsoleProgress.isTerminalDevice("/tmp/run.log")).isFalse();
        assertThat(ConsoleProgress.isTerminalDevice("pipe:[48213]")).isFalse();
        assertThat(ConsoleProgress.isTerminalDevice("/dev/null")).isFalse();
    }

    @Test
    void stderrIntoAPipeDrawsNoBarsEvenWhenTheJdkSeesAConsole() throws IOException {
        Path fd2 = Files.createSymbolicLink(dir.resolve("fd2"), Path.of("pipe:[48213]"));
        assertThat(ConsoleProgress.stderrIsTerminal(fd2, true)).isFalse();
    }

    @Test
    void thisTestsOwnStderrIsNoTerminal() {
        // surefire reads a forked test JVM's standard error through a pipe, whatever the terminal Maven runs in
        Path fd2 = Path.of("/proc/self/fd/2");
        assumeTrue(Files.isSymbolicLink(fd2), "no /proc here");
        assertThat(ConsoleProgress.stderrIsTerminal(fd2, true)).isFalse();
    }

    @Test
    void withoutTheProcLinkTheJdksAnswerStands() throws IOException {
        Path none = dir.resolve("no-such-link");
        assertThat(ConsoleProgress.stderrIsTerminal(none, true)).isTrue();
        assertThat(ConsoleProgress.stderrIsTerminal(none, false)).isFalse();
        Path plain = Files.writeString(dir.resolve("plain"), "");
        assertThat(ConsoleProgress.stderrIsTerminal(plain, true)).isTrue();
    }
}
