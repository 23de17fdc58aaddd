package dev.rareclass.app.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The time left of a task shown beside its progress bar, estimated from whole rounds of work only.
 *
 * <p>The units of a task need not take the same time: a compare's first units were logistic folds of a fraction of
 * a second, its last ones a network's folds of several seconds, and extrapolating from the first units showed "4 s"
 * at 12% of a run that took 32 s. Work that comes in rounds (every configuration on one split) says so
 * ({@code ProgressListener.update(task, done, total, round)}); a round is then a fair sample of the whole, and the
 * estimate is the time per unit of the rounds completed so far (from the first report, which may come after some
 * start-up), times the units left after them, less the time spent since the last round ended. Until a round is
 * measured and two units are done there is no estimate ("?"), nor when the current round has already taken longer
 * than the estimate allowed: better no number than a wrong one. Units of equal size (epochs, boosting rounds) are
 * rounds of one.
 */
final class TimeLeft {

    private final LongSupplier nanos;
    private final long round;
    private long startNanos = -1;
    private long startDone;
    /** When each round after the start was completed, in order. */
    private final List<Long> roundEnds = new ArrayList<>();
    private long done;
    private long total;

    /**
     * @param nanos a clock ({@link System#nanoTime} in use, a synthetic one in tests)
     * @param round the units in a round, 1 or more
     */
    TimeLeft(LongSupplier nanos, long round) {
        this.nanos = nanos;
        this.round = Math.max(1, round);
    }

    /** Records that {@code done} of {@code total} units are finished, now. */
    synchronized void update(long done, long total) {
        long now = nanos.getAsLong();
        this.total = total;
        if (startNanos < 0) {
            startNanos = now;
            startDone = done;
        }
        this.done = Math.max(this.done, done);
        while ((this.done - startDone) / round > roundEnds.size()) {
            roundEnds.add(now);
        }
    }

    /** The estimated time left, or empty when too little is known yet. */
    synchronized Optional<Duration> remaining() {
        int rounds = roundEnds.size();
        if (rounds == 0 || done < 2 || total <= 0) {
            return Optional.empty();
        }
        if (done >= total) {
            return Optional.of(Duration.ZERO);
        }
        long roundEnd = roundEnds.get(rounds - 1);
        long unitsMeasured = rounds * round;
        double perUnit = (roundEnd - startNanos) / (double) unitsMeasured;
        long unitsLeft = total - startDone - unitsMeasured;
        double left = perUnit * unitsLeft - (nanos.getAsLong() - roundEnd);
        if (left <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) left));
    }
}
