package dev.rareclass.smile;

import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.TrainingContext;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.ClassifierTrainer;
import java.util.SplittableRandom;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;

/**
 * {@code random-forest@smile}: Smile's random forest of CART trees (Breiman, "Random Forests",
 * Machine Learning 45(1), 2001), pure Java.
 *
 * <p><b>Reproducibility.</b> Smile grows trees in a parallel stream and draws every random number from
 * a thread-local generator; when {@code Options.seeds} is given it reseeds that generator with
 * {@code seeds[t]} at the start of tree {@code t}, on the thread that grows it. We derive one seed per
 * tree from {@link TrainingContext#seed()}, so each tree's bootstrap and feature draws depend on its
 * own seed only, whatever thread runs it: the same seed gives the same forest, in parallel.
 *
 * <p><b>Class weights.</b> Smile honours them through its stratified bootstrap: class {@code c} is
 * drawn {@code count_c / divisor_c} times per tree, i.e. the over-weighted class keeps all its rows and
 * the other is down-sampled (in the spirit of Chen, Liaw and Breiman's balanced random forest, 2004).
 * A weight ratio {@code w_pos : w_neg} becomes the integer divisor {@code round(max / w)} for each
 * class, capped so that at least one row of each class is drawn; ratios are therefore rounded to
 * whole numbers.
 */
public final class RandomForestFactory extends SmileTrainerFactory {

    static final String KIND = "random-forest";
    static final String MODEL = ModelId.of(KIND, SmileModule.NAME).toString();

    public RandomForestFactory() {
        super(KIND, RandomForestParams.NAMES, true, p -> trainer(RandomForestParams.of(p)));
    }

    /** Smile's per-class down-sampling divisors for the given loss weights, or null when uniform. */
    static int[] smileClassWeight(ClassWeights weights, Labels y) {
        if (weights.isUniform()) {
            return null;
        }
        double max = Math.max(weights.positive(), weights.negative());
        return new int[] {
                divisor(max / weights.negative(), y.negatives()),
                divisor(max / weights.positive(), y.positives())
        };
    }

    private static int divisor(double ratio, int count) {
        long d = Math.round(ratio);
        return (int) Math.max(1, Math.min(d, count));
    }

    private static ClassifierTrainer trainer(RandomForestParams params) {
        return (x, y, ctx) -> {
            int d = x.cols();
            RandomForestParams resolved = params.resolvedFor(d);

            // Columns V1..Vd (binary ones nominal, see Features.forestFrame); the label goes last and the
            // formula "y ~ ." takes the rest.
            DataFrame frame = labelledFrame(x, y);

            SplittableRandom rng = new SplittableRandom(ctx.seed());
            long[] seeds = new long[resolved.trees()];
            for (int t = 0; t < seeds.length; t++) {
                seeds[t] = rng.nextLong();
            }
            RandomForest.Options options = new RandomForest.Options(resolved.trees(), resolved.mtry(),
                    resolved.splitRule(), resolved.maxDepth(),
                    resolved.maxNodes() == 0 ? Integer.MAX_VALUE : resolved.maxNodes(), resolved.nodeSize(),
                    resolved.subsample(), smileClassWeight(ctx.classWeights(), y), seeds, null);
            RandomForest forest = growTrees(ctx, MODEL, resolved.trees(), () -> RandomForest.fit(Formula.lhs(LABEL), frame, options));
            return new SmileRandomForestClassifier(forest, resolved);
        };
    }
}
