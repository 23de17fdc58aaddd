package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.Fold;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.Splits;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import java.util.ArrayList;
import java.util.List;

/**
 * How rows are split into training and test parts for an experiment. Every candidate is evaluated on
 * the same splits, so their fold results can be compared pairwise.
 */
public sealed interface Protocol {

    /** The splits, in a fixed order: repeat by repeat, fold by fold. */
    List<EvaluationSplit> splits(Labels y, long seed);

    /** A short description for leaderboards and manifests, such as {@code stratified 5-fold x 2}. */
    String describe();

    /** True when there are enough paired results for a significance test (at least two splits). */
    default boolean supportsSignificance() {
        return true;
    }

    /** The one rule for a hold-out's test fraction, shuffled or in time order: strictly between 0 and 1. */
    private static void requireTestFraction(double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new UsageException("test fraction must be in (0, 1), got " + testFraction);
        }
    }

    /**
     * One split with its place in the protocol.
     *
     * @param repeat 0-based repeat
     * @param fold   0-based fold within the repeat
     * @param rows   train and test row indices
     */
    record EvaluationSplit(int repeat, int fold, Fold rows) {
    }

    /** Stratified k-fold cross-validation, optionally repeated with fresh shuffles. */
    record KFold(int folds, int repeats) implements Protocol {
        /** More repeats than this are a typo, not a plan: 1,000 × k fits of every configuration (as explain's cap). */
        public static final int MAX_REPEATS = 1000;

        public KFold {
            if (folds < 2) {
                throw new UsageException("--folds must be 2 or more, got " + folds);
            }
            if (repeats < 1 || repeats > MAX_REPEATS) {
                throw new UsageException("--repeats must be between 1 and " + MAX_REPEATS + ", got " + repeats);
            }
        }

        @Override
        public List<EvaluationSplit> splits(Labels y, long seed) {
            List<EvaluationSplit> out = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                List<Fold> folds = Splits.stratifiedKFold(y, this.folds, seed + 7919L * r);
                for (int f = 0; f < folds.size(); f++) {
                    out.add(new EvaluationSplit(r, f, folds.get(f)));
                }
            }
            return out;
        }

        @Override
        public String describe() {
            return "stratified " + folds + "-fold" + (repeats > 1 ? " x " + repeats + " repeats" : "");
        }
    }

    /** One stratified hold-out split. */
    record Holdout(double testFraction) implements Protocol {
        public Holdout {
            requireTestFraction(testFraction);
        }

        @Override
        public List<EvaluationSplit> splits(Labels y, long seed) {
            return List.of(new EvaluationSplit(0, 0, Splits.stratifiedHoldout(y, testFraction, seed)));
        }

        @Override
        public String describe() {
            return "stratified hold-out, " + Math.round(testFraction * 100) + "% test";
        }

        @Override
        public boolean supportsSignificance() {
            return false;
        }
    }

    /** Time order: train on the earlier rows, test on the last {@code testFraction} of them, unshuffled. */
    record TimeOrdered(double testFraction) implements Protocol {
        public TimeOrdered {
            requireTestFraction(testFraction);
        }

        @Override
        public List<EvaluationSplit> splits(Labels y, long seed) {
            int n = y.size();
            int nTest = (int) Math.round(n * testFraction);
            int[] train = new int[n - nTest];
            int[] test = new int[nTest];
            for (int i = 0; i < n; i++) {
                if (i < n - nTest) {
                    train[i] = i;
                } else {
                    test[i - (n - nTest)] = i;
                }
            }
            if (y.select(train).positives() == 0) {
                throw new DataException("the time-ordered training part has no positive rows; use a smaller test fraction");
            }
            return List.of(new EvaluationSplit(0, 0, new Fold(train, test)));
        }

        @Override
        public String describe() {
            return "time-ordered hold-out, last " + Math.round(testFraction * 100) + "% test";
        }

        @Override
        public boolean supportsSignificance() {
            return false;
        }
    }
}
