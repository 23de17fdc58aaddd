package dev.rareclass.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** At most N requests scored at once, each on the thread that brings it; the rest wait without a thread. */
class ScoringTurnsTest {

    @Test
    void aFreeTurnScoresOnTheCallingThread() {
        ScoringTurns turns = new ScoringTurns(4);
        List<Thread> ranOn = new ArrayList<>();
        turns.score(() -> ranOn.add(Thread.currentThread()));
        assertThat(ranOn).containsExactly(Thread.currentThread());
        assertThat(turns.waiting()).isZero();
    }

    @Test
    void beyondTheTurnsRequestsWaitAndTheThreadsThatFinishTakeThem() throws Exception {
        ScoringTurns turns = new ScoringTurns(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch twoRunning = new CountDownLatch(2);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Thread t = new Thread(() -> turns.score(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                twoRunning.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                done.incrementAndGet();
            }));
            threads.add(t);
            t.start();
        }
        assertThat(twoRunning.await(30, TimeUnit.SECONDS)).isTrue();
        // the four others gave up their threads: they wait in the queue, not on a thread
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((turns.waiting() < 4 || threads.stream().filter(Thread::isAlive).count() > 2)
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(turns.waiting()).isEqualTo(4);
        assertThat(threads.stream().filter(Thread::isAlive).count()).as("threads still scoring").isEqualTo(2);
        release.countDown();
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertThat(done.get()).isEqualTo(6);
        assertThat(most.get()).as("scored at once").isEqualTo(2);
        assertThat(turns.waiting()).isZero();
    }

    @Test
    void aTaskThatThrowsGivesItsTurnBack() {
        ScoringTurns turns = new ScoringTurns(1);
        assertThatThrownBy(() -> turns.score(() -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        AtomicInteger ran = new AtomicInteger();
        turns.score(ran::incrementAndGet);
        assertThat(ran.get()).isEqualTo(1);
    }
}
