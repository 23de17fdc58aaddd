package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/** The time left beside a progress bar, on a synthetic clock: honest once known, absent before. */
class TimeLeftTest {

    /** A clock the test moves. */
    private static final class Clock {
        long nanos;

        void at(double seconds) {
            nanos = (long) (seconds * 1e9);
        }
    }

    private static double seconds(Optional<Duration> d) {
        return d.orElseThrow().toNanos() / 1e9;
    }

    /**
     * The issue's run: three configurations whose folds take 0.3 s (logistic), 5 s (a network) and 1 s (a forest),
     * five splits, one job: 31.5 s in all. Fed configuration by configuration, as the folds used to run, a linear
     * extrapolation from the first units showed 3.9 s at 13%; split by split, in rounds of three, the estimate is
     * absent until the first round ends and then right at every moment.
     */
    @Test
    void theIssuesRunShowsNothingUntilARoundIsDoneAndThenTheTruth() {
        double[] cost = {0.3, 5, 1};
        double naiveAtTwo = 0.6 / 2 * 13; // what the library showed at 2 of 15: elapsed / done x left
        assertThat(naiveAtTwo).isCloseTo(3.9, org.assertj.core.data.Offset.offset(1e-9));

        Clock clock = new Clock();
        TimeLeft left = new TimeLeft(() -> clock.nanos, 3);
        left.update(0, 15);
        double t = 0;
        int done = 0;
        for (int split = 0; split < 5; split++) {
            for (int config = 0; config < 3; config++) {
                // halfway through this fold, and at its end
                clock.at(t + cost[config] / 2);
                check(left, done, t + cost[config] / 2, 31.5);
                t += cost[config];
                clock.at(t);
                left.update(++done, 15);
                check(left, done, t, 31.5);
            }
        }
        assertThat(seconds(left.remaining())).isZero();
    }

    private static void check(TimeLeft left, int done, double now, double end) {
        if (done < 3) {
            assertThat(left.remaining()).as("at %.2f s, %d done", now, done).isEmpty();
        } else if (done < 15) {
            assertThat(seconds(left.remaining())).as("at %.2f s", now).isCloseTo(end - now,
                    org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    /**
     * Two jobs taking the same folds split by split (the first free worker takes the next): units finish out of
     * round order, and the estimate, once shown, stays within a quarter of the true time left (measured to the
     * end of the last fold).
     */
    @Test
    void withTwoJobsTheEstimateStaysWithinAQuarterOfTheTruth() {
        double[] cost = {0.3, 5, 1, 2.5};
        int splits = 6;
        List<Double> finishes = new ArrayList<>();
        PriorityQueue<Double> workers = new PriorityQueue<>(List.of(0.0, 0.0));
        for (int split = 0; split < splits; split++) {
            for (double c : cost) {
                double start = workers.poll();
                workers.add(start + c);
                finishes.add(start + c);
            }
        }
        finishes.sort(null);
        double end = finishes.get(finishes.size() - 1);
        int total = finishes.size();

        Clock clock = new Clock();
        TimeLeft left = new TimeLeft(() -> clock.nanos, cost.length);
        left.update(0, total);
        int shown = 0;
        for (int i = 0; i < total - 1; i++) {
            clock.at(finishes.get(i));
            left.update(i + 1, total);
            Optional<Duration> estimate = left.remaining();
            if (i + 1 < cost.length) {
                assertThat(estimate).isEmpty();
            }
            if (estimate.isPresent()) {
                shown++;
                double truth = end - finishes.get(i);
                assertThat(seconds(estimate)).as("after %d of %d", i + 1, total)
                        .isBetween(0.75 * truth, 1.25 * truth);
            }
        }
        assertThat(shown).isGreaterThan(total / 2);
    }

    @Test
    void unitsOfOneSizeNeedTwoUnitsAndTheStartUpIsNotCounted() {
        Clock clock = new Clock();
        TimeLeft left = new TimeLeft(() -> clock.nanos, 1);
        clock.at(10); // the first report comes after ten seconds of reading: not part of the rate
        left.update(1, 11);
        assertThat(left.remaining()).isEmpty();
        clock.at(11);
        left.update(2, 11);
        assertThat(seconds(left.remaining())).isCloseTo(9, org.assertj.core.data.Offset.offset(1e-9));
        clock.at(13.5);
        assertThat(seconds(left.remaining())).isCloseTo(6.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aRoundThatRunsLongerThanTheEstimateShowsNoNumber() {
        Clock clock = new Clock();
        TimeLeft left = new TimeLeft(() -> clock.nanos, 2);
        left.update(0, 6);
        clock.at(1);
        left.update(1, 6);
        clock.at(2);
        left.update(2, 6);
        assertThat(seconds(left.remaining())).isCloseTo(4, org.assertj.core.data.Offset.offset(1e-9));
        clock.at(6.5); // the second round is slower than the first: 4 s were left, 4.5 have passed
        assertThat(left.remaining()).isEmpty();
        left.update(3, 6);
        assertThat(left.remaining()).isEmpty();
        clock.at(7);
        left.update(4, 6); // two rounds in 7 s: 3.5 s a round, one left
        assertThat(seconds(left.remaining())).isCloseTo(3.5, org.assertj.core.data.Offset.offset(1e-9));
    }
}
