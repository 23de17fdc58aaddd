package dev.rareclass.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BodyBudgetTest {

    private static final long MIB = 1 << 20;

    @Test
    void smallBodiesPassFreelyEvenWhenTheBudgetIsTaken() {
        BodyBudget b = new BodyBudget(16 * MIB);
        long big = b.acquire(16 * MIB, 10);
        assertThat(b.acquire(MIB - 1, 10)).as("under 1 MiB: not counted").isZero();
        b.release(big);
    }

    @Test
    void largeBodiesShareTheBudgetAndTheOneOverItIsAnswered503AfterTheTimeout() {
        BodyBudget b = new BodyBudget(40 * MIB);
        long first = b.acquire(15 * MIB, 10);
        long second = b.acquire(15 * MIB, 10);
        long start = System.nanoTime();
        assertThatThrownBy(() -> b.acquire(15 * MIB, 50)).isInstanceOfSatisfying(HttpError.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.getMessage()).contains("busy with other large requests");
        });
        assertThat((System.nanoTime() - start) / 1e6).as("waited for the budget first").isGreaterThanOrEqualTo(40);
        b.release(first);
        long third = b.acquire(15 * MIB, 10);
        assertThat(third).as("a released share is taken again").isPositive();
        b.release(second);
        b.release(third);
    }

    @Test
    void aHundredthOfTheHeapButAlwaysOneBodyOfTheLargestSize() {
        BodyBudget tiny = BodyBudget.forHeap(768 * MIB, 16 * MIB); // 7.7 MB of budget: one 16 MiB body still fits
        long held = tiny.acquire(16 * MIB, 10);
        assertThatThrownBy(() -> tiny.acquire(2 * MIB, 10)).isInstanceOf(HttpError.class);
        tiny.release(held);
        BodyBudget big = BodyBudget.forHeap(6L << 30, 16 * MIB); // 64 MB: four 15 MiB bodies at once
        for (int i = 0; i < 4; i++) {
            big.acquire(15 * MIB, 10);
        }
        assertThatThrownBy(() -> big.acquire(15 * MIB, 10)).isInstanceOf(HttpError.class);
    }

    @Test
    void theLargestBodyAHeapCanReadIsAHundredthOfIt() {
        // serve lowers its default --max-body (16 MiB) to this on a small heap: at 256 MB, six 15 MB JSON bodies at
        // once kept the server in full collections, answering nothing and deaf to SIGTERM
        assertThat(InferenceServer.largestBodyFor(256L << 20)).isEqualTo((256L << 20) / 100);
        assertThat(InferenceServer.largestBodyFor(6L << 30)).isGreaterThan(16L << 20);
        assertThat(InferenceServer.largestBodyFor(1L << 20)).isEqualTo(64L << 10);
    }
}
