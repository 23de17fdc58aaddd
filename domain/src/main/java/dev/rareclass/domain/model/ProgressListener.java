package dev.rareclass.domain.model;

/**
 * Receives progress of long work (folds, epochs, trials). Implementations must be cheap and thread-safe;
 * the command line shows them on a terminal's stderr and nowhere else.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = (task, done, total) -> { };

    /** A listener that hands every note to {@code sink} and ignores progress (for work whose notes are kept or sorted). */
    static ProgressListener notesTo(java.util.function.Consumer<String> sink) {
        return new ProgressListener() {
            @Override
            public void update(String task, long done, long total) {
            }

            @Override
            public void note(String message) {
                sink.accept(message);
            }
        };
    }

    /** This listener, every note of which {@code sink} hears too (to keep what was said, as it is said). */
    default ProgressListener alsoNotesTo(java.util.function.Consumer<String> sink) {
        ProgressListener self = this;
        return new ProgressListener() {
            @Override
            public void update(String task, long done, long total) {
                self.update(task, done, total);
            }

            @Override
            public void update(String task, long done, long total, long round) {
                self.update(task, done, total, round);
            }

            @Override
            public void note(String message) {
                self.note(message);
                sink.accept(message);
            }
        };
    }

    /** How a warning begins among the notes (and on the console). */
    String WARNING = "warning: ";

    /**
     * This listener, the warnings among whose notes are also added to {@code kept} without their {@link #WARNING}
     * prefix, as they are said: for a results file or report that carries every warning a command said.
     */
    default ProgressListener keepingWarningsIn(java.util.List<String> kept) {
        return alsoNotesTo(note -> {
            if (note.startsWith(WARNING)) {
                kept.add(note.substring(WARNING.length()));
            }
        });
    }

    /**
     * @param task  what is progressing, such as {@code "mlp@dl4j epochs"}
     * @param done  units finished
     * @param total units in all, or -1 when unknown
     */
    void update(String task, long done, long total);

    /**
     * As {@link #update(String, long, long)}, for work done in rounds of {@code round} units, each round a fair
     * sample of the whole (every configuration on one split) while the units of a round may take very different
     * times (a logistic fit and a network's): an estimate of the time left should then count whole rounds, not
     * the first units, which may be the fast ones.
     */
    default void update(String task, long done, long total, long round) {
        update(task, done, total);
    }

    /** Something the user should hear about, such as a column read as categorical. Ignored by default. */
    default void note(String message) {
    }
}
