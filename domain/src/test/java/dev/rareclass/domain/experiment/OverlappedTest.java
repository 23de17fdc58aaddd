package dev.rareclass.domain.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.InputMissingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class OverlappedTest {

    @Test
    void theWorkRunsOnItsOwnNamedDaemonThreadWhileTheCallerGoesOn() throws InterruptedException {
        CountDownLatch callerWentOn = new CountDownLatch(1);
        Overlapped<String> v = Overlapped.start("rareclass-test-overlap", () -> {
            callerWentOn.await(); // would never return if start() ran the work on the caller's thread
            Thread t = Thread.currentThread();
            return t.getName() + " daemon=" + t.isDaemon();
        });
        callerWentOn.countDown();
        assertThat(v.get()).isEqualTo("rareclass-test-overlap daemon=true");
        assertThat(v.get()).as("asked again: the same value").isEqualTo("rareclass-test-overlap daemon=true");
    }

    @Test
    void aUserErrorOfTheWorkIsThrownAsItWasSoItKeepsItsExitCode() {
        InputMissingException missing = new InputMissingException("/gone.csv: no such file", null);
        Overlapped<String> v = Overlapped.start("rareclass-test-overlap", () -> {
            throw missing;
        });
        assertThatThrownBy(v::get).isSameAs(missing);
        assertThat(missing.exitCode()).isEqualTo(66);
    }

    @Test
    void anErrorIsThrownAsItWasAndACheckedExceptionWrapped() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertThatThrownBy(Overlapped.start("t", () -> {
            throw oom;
        })::get).isSameAs(oom);
        IOException io = new IOException("disk gone");
        assertThatThrownBy(Overlapped.start("t", () -> {
            throw io;
        })::get).isInstanceOf(IllegalStateException.class).hasCause(io);
    }

    @Test
    void theChecksumOfAMissingFileFailsAtGetNotAtStart() {
        Overlapped<String> v = Overlapped.start("t", () -> Checksums.sha256(Path.of("/no/such/dir/data.csv")));
        assertThatThrownBy(v::get).isInstanceOf(InputMissingException.class).hasMessageContaining("data.csv");
    }
}
