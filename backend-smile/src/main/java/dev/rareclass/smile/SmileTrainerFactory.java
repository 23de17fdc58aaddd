package dev.rareclass.smile;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainerFactory;
import dev.rareclass.domain.model.TrainingContext;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.math.MathEx;
import smile.data.vector.ValueVector;

/**
 * What the Smile trainers' factories share: each is registered as {@code kind@smile} and is one constructor call
 * stating its kind, the parameter names it accepts, whether it honours class weights and how validated
 * parameters become a trainer. Every trainer first checks that the data can be trained on and, for a kind that
 * does not honour class weights, refuses non-uniform ones; then the kind's own fit runs.
 */
final class SmileTrainerFactory implements TrainerFactory {

    /** A kind's own fit, given its validated parameters; called after the shared checks. */
    interface Fit<P> {
        TrainedClassifier fit(P params, FeatureMatrix x, Labels y, TrainingContext ctx);
    }

    /** The label column's name in the frames Smile's tree models are fitted on ({@code y ~ .}). */
    static final String LABEL = "y";

    private final String kind;
    private final String model;
    private final Set<String> parameterNames;
    private final boolean supportsClassWeights;
    private final boolean offersOutOfBagScores;
    private final boolean balancesEachMember;
    private final boolean readsSparseFeatures;
    private final Function<Hyperparameters, ClassifierTrainer> trainer;

    /**
     * @param read reads and validates the user parameters (a {@code UsageException} names a bad one)
     * @param fit  the kind's own fit, called after the shared checks
     */
    <P> SmileTrainerFactory(SmileKind kind, Set<String> parameterNames, boolean supportsClassWeights,
                            Function<Hyperparameters, P> read, Fit<P> fit) {
        this(kind, parameterNames, supportsClassWeights, false, read, fit);
    }

    /**
     * @param offersOutOfBagScores whether the fit's classifiers offer their training rows' out-of-bag scores
     * @param read                 reads and validates the user parameters (a {@code UsageException} names a bad one)
     * @param fit                  the kind's own fit, called after the shared checks
     */
    <P> SmileTrainerFactory(SmileKind kind, Set<String> parameterNames, boolean supportsClassWeights,
                            boolean offersOutOfBagScores, Function<Hyperparameters, P> read, Fit<P> fit) {
        this.offersOutOfBagScores = offersOutOfBagScores;
        this.kind = kind.kind;
        this.model = kind.model;
        this.balancesEachMember = kind.balancesEachMember();
        this.readsSparseFeatures = kind.readsSparseFeatures();
        this.parameterNames = parameterNames;
        this.supportsClassWeights = supportsClassWeights;
        this.trainer = user -> {
            P params = read.apply(user);
            return (x, y, ctx) -> fit.fit(params, x, y, ctx);
        };
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final String backend() {
        return SmileModule.NAME;
    }

    @Override
    public final Set<String> parameterNames() {
        return parameterNames;
    }

    @Override
    public final boolean supportsClassWeights() {
        return supportsClassWeights;
    }

    @Override
    public final boolean readsSparseFeatures() {
        return readsSparseFeatures;
    }

    @Override
    public final boolean offersOutOfBagScores() {
        return offersOutOfBagScores;
    }

    @Override
    public final java.util.OptionalDouble learnsPrevalence() {
        return balancesEachMember ? java.util.OptionalDouble.of(0.5) : java.util.OptionalDouble.empty();
    }

    @Override
    public final ClassifierTrainer create(Hyperparameters params) {
        ClassifierTrainer kindFit = trainer.apply(params);
        return (x, y, ctx) -> {
            Features.requireTrainable(x, y, model);
            if (!supportsClassWeights) {
                refuseClassWeights(ctx, model);
            }
            return kindFit.train(x, y, ctx);
        };
    }

    /** Refuses non-uniform class weights for a model that cannot take them, naming one that can. */
    static void refuseClassWeights(TrainingContext ctx, String model) {
        if (!ctx.classWeights().isUniform()) {
            throw new UsageException(model + " does not support class weights; use the class weight 'none' "
                    + "or a model that supports them, such as random-forest@smile");
        }
    }

    /** The features as Smile's trees take them ({@link Features#forestFrame}) with the label last, for {@code y ~ .}. */
    static DataFrame labelledFrame(FeatureMatrix x, Labels y) {
        return Features.forestFrame(x, y).add(ValueVector.of(LABEL, y.toArray()));
    }

    /**
     * Fits a boosted model ({@code y ~ .} on {@link #labelledFrame}) with Smile's thread-local generator seeded from
     * {@link TrainingContext#seed()} just before, reporting the trees as {@link #growTrees} does.
     */
    static <T> T boost(FeatureMatrix x, Labels y, TrainingContext ctx, String model, int trees,
                       BiFunction<Formula, DataFrame, T> fit) {
        DataFrame frame = labelledFrame(x, y);
        return growTrees(ctx, model, trees, () -> {
            MathEx.setSeed(ctx.seed());
            return fit.apply(Formula.lhs(LABEL), frame);
        });
    }

    /** Fits a tree ensemble, reporting {@code 0} of {@code trees} before and all of them after. */
    static <T> T growTrees(TrainingContext ctx, String model, int trees, Supplier<T> fit) {
        ctx.progress().update(model + " trees", 0, trees);
        T fitted = fit.get();
        ctx.progress().update(model + " trees", trees, trees);
        return fitted;
    }
}
