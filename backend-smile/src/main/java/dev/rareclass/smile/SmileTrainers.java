package dev.rareclass.smile;

import static dev.rareclass.smile.SmileTrainerFactory.LABEL;
import static dev.rareclass.smile.SmileTrainerFactory.boost;
import static dev.rareclass.smile.SmileTrainerFactory.growTrees;
import static dev.rareclass.smile.SmileTrainerFactory.labelledFrame;

import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.NetworkSize;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.model.TrainingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import smile.classification.AdaBoost;
import smile.classification.DecisionTree;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.MLP;
import smile.classification.PlattScaling;
import smile.classification.RandomForest;
import smile.classification.SVM;
import smile.classification.SparseLogisticRegression;
import smile.data.DataFrame;
import smile.data.SampleInstance;
import smile.data.SparseDataset;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.math.MathEx;
import smile.math.kernel.GaussianKernel;
import smile.math.kernel.LinearKernel;
import smile.math.kernel.MercerKernel;
import smile.model.svm.KernelMachine;
import smile.model.svm.LASVM;
import smile.model.mlp.HiddenLayerBuilder;
import smile.model.mlp.Layer;
import smile.model.mlp.LayerBuilder;
import smile.model.mlp.OutputFunction;
import smile.util.SparseArray;
import smile.util.function.TimeFunction;

/**
 * The Smile kinds' trainer factories, each one {@link SmileTrainerFactory} stating its kind, parameter names,
 * whether it honours class weights and its fit, and the helpers those fits use.
 *
 * <p>Every kind takes a {@code seed} parameter, as on the other backends: where the fit draws random numbers it
 * replaces the run's seed for that model ({@link TrainingContext#withSeed}); the deterministic kinds ({@code logistic},
 * {@code decision-tree}, {@code knn}) record it and fit as they would without it, so that one {@code --param seed=N}
 * reaches every model of a comparison.
 */
final class SmileTrainers {

    private SmileTrainers() {
    }

    /** Every kind's factory, in the order they are registered. */
    static java.util.List<SmileTrainerFactory> all() {
        return java.util.List.of(logistic(), randomForest(), decisionTree(), gradientBoosting(), adaBoost(), knn(), svm(), mlp(),
                balancedRandomForest(), balancedBagging(), easyEnsemble(), rusBoost());
    }

    /**
     * {@code logistic@smile}: Smile's binomial logistic regression with an L2 penalty, fitted by L-BFGS
     * (pure Java, no BLAS). Deterministic: the fit uses no randomness, so the seed is not needed.
     *
     * <p>Class weights are not supported: Smile 6.3's logistic regression has no sample or class weights,
     * and a trainer that silently ignored them would mislead, so non-uniform weights are refused.
     *
     * <p><b>Sparse rows.</b> A bag of words (the matrix's sparse companion) or a matrix mostly of zeros
     * ({@link Features#mostlyZeros}) is fitted by Smile's {@code SparseLogisticRegression}, which minimises the same
     * objective (the same {@code lambda}, tolerance, iteration limit and L-BFGS memory of 5) over the non-zero values
     * only. The dense fit of rt-polarity's 10,000 words copied a 10,662 × 10,000 matrix of doubles and spent about 40 s
     * multiplying zeros; the sparse one takes a few seconds. Its terms are the dense fit's less the zero ones, summed
     * in the same order, so the coefficients are the dense fit's to the last bit ({@code SparseFitTest}).
     */
    static SmileTrainerFactory logistic() {
        return new SmileTrainerFactory(SmileKind.LOGISTIC, LogisticParams.NAMES, false, LogisticParams::of, (params, x, y, ctx) -> {
            if (Features.mostlyZeros(x)) {
                List<SampleInstance<SparseArray, Integer>> rows = new ArrayList<>(x.rows());
                SparseArray[] sparse = Features.sparseRows(x);
                for (int r = 0; r < sparse.length; r++) {
                    rows.add(new SampleInstance<>(sparse[r], y.get(r)));
                }
                // the width given, not found: a column with no non-zero value still has its (zero) weight
                SparseLogisticRegression.Binomial fitted = SparseLogisticRegression.binomial(
                        new SparseDataset<>(rows, Features.width(x)), params.toOptions());
                return new SmileLogisticClassifier(fitted.coefficients().clone(), params, fitted.loglikelihood());
            }
            LogisticRegression.Binomial fitted = LogisticRegression.binomial(Features.rows(x), y.toArray(), params.toOptions());
            return new SmileLogisticClassifier(fitted.coefficients().clone(), params, fitted.loglikelihood());
        });
    }

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
     *
     * <p><b>Out-of-bag scores.</b> The forest is grown tree by tree as {@code RandomForest.fit} grows it, the same
     * trees from the same seeds ({@link OutOfBagForest}), so that each tree's bootstrap is known: the trained forest
     * offers every training row's out-of-bag score ({@code TrainedClassifier.outOfBagScores}), on which the pipeline
     * chooses its threshold with one fit instead of a hold-out and a refit.
     */
    static SmileTrainerFactory randomForest() {
        return new SmileTrainerFactory(SmileKind.RANDOM_FOREST, RandomForestParams.NAMES, true, true, RandomForestParams::of, (params, x, y, ctx) -> {
            int d = x.cols();
            RandomForestParams resolved = params.resolvedFor(d);

            // Columns V1..Vd (binary ones nominal, see Features.forestFrame); the label goes last and the
            // formula "y ~ ." takes the rest.
            DataFrame frame = labelledFrame(x, y);

            RandomForest.Options options = forestOptions(resolved, ctx.withSeed(resolved.seed()), y);
            OutOfBagForest.Grown grown = growTrees(ctx, SmileKind.RANDOM_FOREST.model, resolved.trees(),
                    () -> OutOfBagForest.grow(frame, LABEL, options));
            return new SmileRandomForestClassifier(grown.forest(), resolved, grown.outOfBag());
        });
    }

    /**
     * {@code decision-tree@smile}: one CART tree grown by Smile's {@code DecisionTree} on every feature (no
     * feature sampling), so training uses no randomness and the seed is not needed. The columns go in as for
     * {@code random-forest@smile} ({@link Features#forestFrame}: binary columns nominal, tied values ordered).
     *
     * <p><b>Class weights</b> are honoured as row multiplicities, which Smile's tree takes as its {@code samples}
     * counts: each row of class {@code c} counts {@code round(w_c / min(w))} times (at most 10,000) in the
     * impurities, leaf sizes and leaf class counts, so a weight ratio is rounded to a whole number (as
     * scikit-learn's {@code class_weight} would weight it exactly).
     */
    static SmileTrainerFactory decisionTree() {
        return new SmileTrainerFactory(SmileKind.DECISION_TREE, DecisionTreeParams.NAMES, true, DecisionTreeParams::of, (params, x, y, ctx) -> {
            DataFrame frame = Features.forestFrame(x, y);
            StructField response = new StructField(LABEL, DataTypes.IntType);
            DecisionTree tree = new DecisionTree(frame, y.toArray(), response, 2, params.splitRule(), params.smileMaxDepth(),
                    params.smileMaxNodes(), params.nodeSize(), x.cols(), multiplicities(ctx.classWeights(), y, ctx.progress()), null);
            return new SmileDecisionTreeClassifier(tree, params);
        });
    }

    /**
     * {@code gradient-boosting@smile}: Smile's gradient tree boosting with the binomial deviance (Friedman 2001,
     * algorithm "LK_TreeBoost" for two classes), pure Java. The columns go in as for {@code random-forest@smile}.
     *
     * <p><b>Reproducibility.</b> Smile grows the trees one after another on the calling thread; its only random
     * draw is the row subsample of each round, from its thread-local generator, which is seeded from
     * {@link TrainingContext#seed()} just before fitting. With {@code subsample=1} nothing is random.
     *
     * <p><b>Class weights</b> are refused: Smile 6.3's boosting takes no row or class weights.
     */
    static SmileTrainerFactory gradientBoosting() {
        return new SmileTrainerFactory(SmileKind.GRADIENT_BOOSTING, GradientBoostingParams.NAMES, false, GradientBoostingParams::of, (params, x, y, ctx) -> {
            GradientTreeBoost model = boost(x, y, ctx.withSeed(params.seed()), SmileKind.GRADIENT_BOOSTING.model,
                    params.trees(), (formula, frame) -> GradientTreeBoost.fit(formula, frame, params.toOptions()));
            requireFiniteLeaves(model, params);
            return new SmileGradientBoostingClassifier(model, params);
        });
    }

    /**
     * Smile's boosting divides each leaf's sum of residuals by a sum that is zero when a round's rows are all fitted
     * with certainty, which a small {@code subsample} makes likely (scikit-learn's GradientBoostingClassifier guards
     * that division): such a leaf is NaN, and every row reaching it then had "no finite score", blamed on the row.
     */
    private static void requireFiniteLeaves(GradientTreeBoost model, GradientBoostingParams params) {
        // one row of trees for two classes (Smile keeps a row per class only for more)
        for (smile.regression.RegressionTree[] trees : model.trees()) {
            for (int t = 0; t < trees.length; t++) {
                requireFinite(trees[t], t, params);
            }
        }
    }

    private static void requireFinite(smile.regression.RegressionTree tree, int t, GradientBoostingParams params) {
        String problem = SmileTrees.problem(tree.root(), Integer.MAX_VALUE, SmileTrees.Leaves.REGRESSION);
        if (problem != null && problem.contains("not finite")) {
            throw new UsageException(SmileKind.GRADIENT_BOOSTING.model + ": round " + (t + 1) + " fitted a leaf "
                    + "without a finite value (Smile divides by a zero sum when a round's rows are all fitted with "
                    + "certainty); " + (params.subsample() < 1 ? "give a larger subsample than " + params.subsample()
                    + ", or " : "") + "use gradient-boosting@xgboost");
        }
    }

    /**
     * {@code adaboost@smile}: Smile's AdaBoost (SAMME) over CART trees, pure Java. The columns go in as for
     * {@code random-forest@smile}.
     *
     * <p><b>Reproducibility.</b> Smile grows each round's tree on a sample of the rows drawn by their boosting
     * weights (where scikit-learn passes the weights to the tree), from its thread-local generator on the calling
     * thread, which is seeded from {@link TrainingContext#seed()} just before fitting.
     *
     * <p><b>Class weights</b> are refused: Smile 6.3's AdaBoost takes no initial row or class weights.
     */
    static SmileTrainerFactory adaBoost() {
        return new SmileTrainerFactory(SmileKind.ADABOOST, AdaBoostParams.NAMES, false, AdaBoostParams::of, (params, x, y, ctx) ->
                new SmileAdaBoostClassifier(boost(x, y, ctx.withSeed(params.seed()), SmileKind.ADABOOST.model, params.trees(),
                        (formula, frame) -> AdaBoost.fit(formula, frame, params.toOptions())), params));
    }

    /**
     * {@code knn@smile}: Smile's k-nearest-neighbour classifier with the Euclidean distance on the preprocessed
     * features (a k-d tree below 10 columns, a cover tree from 10, both exact). Training only keeps the rows, so
     * there is no randomness; the seed is not needed. Scale matters: with {@code --scale none} the widest column
     * decides the neighbours.
     *
     * <p><b>Class weights</b> are refused: neighbours vote with equal weight (scikit-learn's {@code KNeighborsClassifier}
     * has no class weights either).
     */
    static SmileTrainerFactory knn() {
        return new SmileTrainerFactory(SmileKind.KNN, KnnParams.NAMES, false, KnnParams::of, (params, x, y, ctx) -> {
            if (params.k() > x.rows()) {
                throw new UsageException("parameter k=" + params.k() + " exceeds the " + x.rows() + " training rows of "
                        + SmileKind.KNN.model);
            }
            return new SmileKnnClassifier(x.data().clone(), x.cols(), y.toArray(), params);
        });
    }

    /**
     * {@code svm@smile}: Smile's kernel SVM (LASVM) with a Gaussian or linear kernel, pure Java, and Platt scaling
     * (Platt 1999, in the form of Lin, Lin and Weng 2007) to turn decision values into probabilities.
     *
     * <p><b>Platt scaling</b> is fitted on the decision values of the training rows themselves, one SVM fit in all.
     * scikit-learn's {@code SVC(probability=True)} fits it on 5-fold cross-validated decision values instead (six
     * fits). The sigmoid is increasing, so the ranking of rows and with it ROC-AUC and PR-AUC are the decision
     * values' own either way; only the probabilities' calibration differs (on training rows they come out
     * more confident).
     *
     * <p><b>Reproducibility.</b> LASVM visits the rows in a random order drawn from Smile's thread-local generator
     * on the calling thread, seeded from {@link TrainingContext#seed()} just before fitting.
     *
     * <p><b>Class weights</b> are any pair of numbers, as scikit-learn's {@code SVC(class_weight=...)} takes them: each
     * class's penalty is {@code C} times its weight ({@link #penalties}), LASVM's {@code Cp} and {@code Cn}, the bounds on
     * the positive and the negative rows' multipliers ({@code SVM.fit} gives both {@code C}). Platt scaling is still
     * fitted on the rows' own labels, so its probabilities describe their share of positives; its odds are then
     * multiplied by {@code w_pos / w_neg} ({@link #weighted}) to describe the weighted share, as every weighted
     * model's probabilities do, and the pipeline's prior correction divides them by it again: without a sampler the
     * model's probabilities are the Platt scaling's own, while its ranking is the weighted SVM's.
     */
    static SmileTrainerFactory svm() {
        return new SmileTrainerFactory(SmileKind.SVM, SvmParams.NAMES, true, SvmParams::of, (params, x, y, ctx) -> {
            double[][] rows = Features.rows(x);
            SvmParams resolved = params.resolvedFor(rows);
            int[] signs = new int[y.size()];
            for (int i = 0; i < signs.length; i++) {
                signs[i] = y.get(i) == 1 ? 1 : -1; // LASVM and Platt scaling take -1 and +1
            }
            Penalties c = penalties(resolved.c(), ctx.classWeights());
            MathEx.setSeed(ctx.withSeed(resolved.seed()).seed());
            // what SVM.fit does, with a penalty per class
            KernelMachine<double[]> fitted = new LASVM<>(kernel(resolved), c.positive(), c.negative(), resolved.tolerance())
                    .fit(rows, signs, resolved.epochs());
            if (fitted.vectors().length == 0) { // every multiplier 0: one decision value for every row
                throw new UsageException("parameter c=" + resolved.c() + (ctx.classWeights().isUniform() ? ""
                        : " (times the class weights: " + c.positive() + " for positive rows, " + c.negative()
                        + " for negative)") + " is too small for " + SmileKind.SVM.model + " on these " + rows.length
                        + " rows: it kept no support vector, so every row would get the same score; use a larger c "
                        + "(default 1)");
            }
            SVM<double[]> svm = new SVM<>(fitted.kernel(), fitted.vectors(), fitted.weights(), fitted.intercept());
            double[] decisions = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                decisions[i] = svm.score(rows[i]);
            }
            PlattScaling platt = weighted(PlattScaling.fit(decisions, signs), ctx.classWeights());
            return new SmileSvmClassifier(svm, platt, resolved);
        });
    }

    /**
     * {@code mlp@smile}: Smile's multilayer perceptron, pure Java, ending in one sigmoid unit trained on the
     * log-likelihood, by mini-batch gradient steps (RMSProp or SGD with momentum).
     *
     * <p><b>Reproducibility.</b> Smile draws the initial weights and the dropout masks from its thread-local
     * generator, seeded from the {@code seed} parameter or else {@link TrainingContext#seed()} just before the
     * network is built; the rows are shuffled every epoch by a {@link SplittableRandom} of the same seed. Smile
     * trains a mini-batch sequentially on the calling thread, so the same seed gives the same network.
     *
     * <p><b>Class weights</b> are refused: Smile's network has no per-row or per-class loss weights. A validation
     * set, where given, is not used (there is no early stopping on Smile; see {@link MlpParams}).
     */
    static SmileTrainerFactory mlp() {
        return new SmileTrainerFactory(SmileKind.MLP, MlpParams.NAMES, false, MlpParams::of, (params, x, y, ctx) -> {
            NetworkSize.require("mlp@smile", "hidden", x.cols(), params.hidden(), 1);
            long seed = ctx.withSeed(params.seed()).seed();
            LayerBuilder[] layers = new LayerBuilder[params.hidden().size() + 2];
            layers[0] = Layer.input(x.cols());
            for (int l = 0; l < params.hidden().size(); l++) {
                layers[l + 1] = hidden(params.activations().get(l), params.hidden().get(l), params.dropouts().get(l));
            }
            layers[layers.length - 1] = Layer.mle(1, OutputFunction.SIGMOID);

            MathEx.setSeed(seed);
            MLP net = new MLP(layers);
            net.setLearningRate(TimeFunction.constant(params.learningRate()));
            if (params.optimizer().equals("sgd")) {
                net.setMomentum(TimeFunction.constant(params.momentum()));
            } else {
                net.setRMSProp(params.rho(), EPSILON);
            }
            net.setWeightDecay(MlpParams.smileWeightDecay(params.l2()));

            double[][] rows = Features.rows(x);
            int[] labels = y.toArray();
            int n = rows.length;
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            SplittableRandom shuffle = new SplittableRandom(seed);
            for (int epoch = 0; epoch < params.epochs(); epoch++) {
                for (int i = n - 1; i > 0; i--) {
                    int j = shuffle.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                for (int start = 0; start < n; start += params.batchSize()) {
                    int size = Math.min(params.batchSize(), n - start);
                    double[][] bx = new double[size][];
                    int[] by = new int[size];
                    for (int b = 0; b < size; b++) {
                        bx[b] = rows[order[start + b]];
                        by[b] = labels[order[start + b]];
                    }
                    if (size == 1) {
                        net.update(bx[0], by[0]);
                    } else {
                        net.update(bx, by);
                    }
                }
                ctx.progress().update(SmileKind.MLP.model + " epochs", epoch + 1, params.epochs());
            }
            return new SmileMlpClassifier(net, params, x.cols());
        });
    }

    /**
     * {@code balanced-random-forest@smile}: Chen, Liaw and Breiman's balanced random forest ("Using Random Forest to
     * Learn Imbalanced Data", UC Berkeley tech. report 666, 2004) as imbalanced-learn 0.10's
     * {@code BalancedRandomForestClassifier} grows it: for each tree, the training rows are randomly under-sampled
     * without replacement until the majority class is as large as the minority ({@code sampling_strategy='auto',
     * replacement=False}), a bootstrap of that balanced set's size is drawn from it, and a fully grown Gini tree trying
     * {@code floor(sqrt(d))} features at each split is fitted on it. The score is the mean of the trees' leaf shares
     * of class 1. See {@link ImbalanceEnsembles} for how samples reach Smile's trees and why the result does not
     * depend on threads.
     *
     * <p><b>Class weights</b> are refused: the forest balances the classes by sampling (imblearn's class weights
     * would weight the balanced bootstrap again).
     */
    static SmileTrainerFactory balancedRandomForest() {
        return new SmileTrainerFactory(SmileKind.BALANCED_RANDOM_FOREST, BalancedForestParams.NAMES, false,
                BalancedForestParams::of, (params, x, y, ctx) -> {
                    BalancedForestParams resolved = params.resolvedFor(x.cols());
                    ImbalanceEnsembles.Data data = new ImbalanceEnsembles.Data(x, y);
                    return new SmileImbalanceEnsembleClassifier<>(SmileKind.BALANCED_RANDOM_FOREST, resolved,
                            ImbalanceEnsembles.grow(ctx.withSeed(resolved.seed()), SmileKind.BALANCED_RANDOM_FOREST.model, resolved.trees(),
                                    seed -> ImbalanceEnsembles.balancedForestTree(data, resolved, seed), DecisionTree[]::new));
                });
    }

    /**
     * {@code balanced-bagging@smile}: bagging with random under-sampling (in the spirit of Hido and Kashima's "Roughly
     * Balanced Bagging for Imbalanced Data", Statistical Analysis and Data Mining 2(5-6), 2009, with imbalanced-learn
     * 0.10's exact balancing), as {@code BalancedBaggingClassifier} does it: each bag is a bootstrap of the {@code n}
     * training rows, randomly under-sampled to balance (a row drawn twice being two candidates), and a fully grown Gini
     * tree on every feature is fitted on it. The score is the mean of the trees' leaf shares of class 1. Class weights
     * are refused, as for {@link #balancedRandomForest()}.
     */
    static SmileTrainerFactory balancedBagging() {
        return new SmileTrainerFactory(SmileKind.BALANCED_BAGGING, BalancedBaggingParams.NAMES, false,
                BalancedBaggingParams::of, (params, x, y, ctx) -> {
                    ImbalanceEnsembles.Data data = new ImbalanceEnsembles.Data(x, y);
                    return new SmileImbalanceEnsembleClassifier<>(SmileKind.BALANCED_BAGGING, params,
                            ImbalanceEnsembles.grow(ctx.withSeed(params.seed()), SmileKind.BALANCED_BAGGING.model, params.trees(),
                                    seed -> ImbalanceEnsembles.balancedBag(data, params, seed), DecisionTree[]::new));
                });
    }

    /**
     * {@code easy-ensemble@smile}: Liu, Wu and Zhou's EasyEnsemble ("Exploratory Undersampling for Class-Imbalance
     * Learning", IEEE Trans. SMC-B 39(2), 2009) as imbalanced-learn 0.10's {@code EasyEnsembleClassifier}: each member
     * is a random under-sample of the training rows (no bootstrap) boosted by scikit-learn 1.2's
     * {@code AdaBoostClassifier} defaults, SAMME.R over 50 stumps ({@link ImbalanceEnsembles#boostReal}); the score is
     * the mean of the members' probabilities. The stumps are {@link WeightedTree}s, fitted on the real boosting weights
     * (Smile's tree takes whole-number row counts and merges sister leaves of the same class, which SAMME.R's
     * probabilities cannot afford). Class weights are refused: the members balance by sampling.
     */
    static SmileTrainerFactory easyEnsemble() {
        return new SmileTrainerFactory(SmileKind.EASY_ENSEMBLE, EasyEnsembleParams.NAMES, false,
                EasyEnsembleParams::of, (params, x, y, ctx) -> {
                    int[] labels = y.toArray();
                    return new SmileImbalanceBoostClassifier<>(SmileKind.EASY_ENSEMBLE, params, x.cols(),
                            ImbalanceEnsembles.grow(ctx.withSeed(params.seed()), SmileKind.EASY_ENSEMBLE.model, params.estimators(),
                                    seed -> ImbalanceEnsembles.easyMember(x, labels, params, seed), WeightedTree[][]::new));
                });
    }

    /**
     * {@code rus-boost@smile}: Seiffert, Khoshgoftaar, Van Hulse and Napolitano's RUSBoost ("RUSBoost: A Hybrid
     * Approach to Alleviating Class Imbalance", IEEE Trans. SMC-A 40(1), 2010) as imbalanced-learn 0.10's
     * {@code RUSBoostClassifier} with its defaults (SAMME.R, 50 stumps, learning rate 1): each round randomly
     * under-samples the training rows, fits a {@link WeightedTree} on the kept rows with their boosting weights, and
     * updates the weights of all rows as scikit-learn's {@code _boost_real} does ({@link ImbalanceEnsembles#boostReal}).
     * Rounds are sequential; one seed drawn from {@link TrainingContext#seed()} drives every draw. Class weights are
     * refused.
     */
    static SmileTrainerFactory rusBoost() {
        return new SmileTrainerFactory(SmileKind.RUS_BOOST, RusBoostParams.NAMES, false,
                RusBoostParams::of, (params, x, y, ctx) -> {
                    int[] labels = y.toArray();
                    return new SmileImbalanceBoostClassifier<>(SmileKind.RUS_BOOST, params, x.cols(),
                            ImbalanceEnsembles.grow(ctx.withSeed(params.seed()), SmileKind.RUS_BOOST.model, 1,
                                    seed -> ImbalanceEnsembles.rusBoost(x, labels, params, seed), WeightedTree[][]::new));
                });
    }

    // random-forest

    /** Smile's options for a forest of resolved parameters: one seed per tree drawn from the context's seed. */
    static RandomForest.Options forestOptions(RandomForestParams resolved, TrainingContext ctx, Labels y) {
        SplittableRandom rng = new SplittableRandom(ctx.seed());
        long[] seeds = new long[resolved.trees()];
        for (int t = 0; t < seeds.length; t++) {
            seeds[t] = rng.nextLong();
        }
        return new RandomForest.Options(resolved.trees(), resolved.mtry(), resolved.splitRule(), resolved.smileMaxDepth(),
                resolved.maxNodes() == 0 ? Integer.MAX_VALUE : resolved.maxNodes(), resolved.nodeSize(),
                resolved.subsample(), smileClassWeight(ctx.classWeights(), y, ctx.progress()), seeds, null);
    }

    /**
     * Smile's per-class down-sampling divisors for the given loss weights, or null when uniform. They are whole
     * numbers, so a ratio between two of them is rounded: a warning says what the forest then weighs (1.4:1 acts as
     * 1:1), which the leaderboard's class-weight column alone would not.
     */
    static int[] smileClassWeight(ClassWeights weights, Labels y, ProgressListener progress) {
        if (weights.isUniform()) {
            return null;
        }
        double max = Math.max(weights.positive(), weights.negative());
        int[] divisors = {
                divisor(max / weights.negative(), y.negatives()),
                divisor(max / weights.positive(), y.positives())
        };
        warnIfRounded(SmileKind.RANDOM_FOREST.model, "down-samples a class a whole number of times (at most its rows)", weights,
                (double) divisors[0] / divisors[1], progress);
        return divisors;
    }

    /**
     * The models that weigh classes by any ratio, named by the rounding warning (the kinds alone would not do:
     * {@code logistic} and {@code gradient-boosting@smile} take no class weights at all).
     */
    static final String TAKE_ANY_RATIO = "gradient-boosting@xgboost, logistic@dl4j, mlp@dl4j and svm@smile";

    /**
     * Warns when whole-number class weights make {@code effective} (positive : negative) more than 1% away from what
     * was asked: the model was trained with other weights than the leaderboard's column says.
     */
    static void warnIfRounded(String model, String how, ClassWeights asked, double effective, ProgressListener progress) {
        double ratio = asked.positive() / asked.negative();
        if (Math.abs(effective / ratio - 1) > 0.01) {
            progress.note("warning: " + model + " " + how + ", so class weight " + shown(asked.positive()) + ":"
                    + shown(asked.negative()) + " acts as " + (effective >= 1 ? shown(effective) + ":1"
                    : "1:" + shown(1 / effective)) + " (a whole-number ratio weighs as asked, as any ratio does on "
                    + TAKE_ANY_RATIO + ")");
        }
    }

    private static String shown(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static int divisor(double ratio, int count) {
        long d = Math.round(ratio);
        return (int) Math.max(1, Math.min(d, count));
    }

    // decision-tree

    /** Most times one row counts in a weighted decision tree. */
    static final int MAX_MULTIPLICITY = 10_000;

    /** Each row's multiplicity for the given class weights, or null when they are uniform. */
    static int[] multiplicities(ClassWeights weights, Labels y, ProgressListener progress) {
        if (weights.isUniform()) {
            return null;
        }
        double min = Math.min(weights.positive(), weights.negative());
        int pos = (int) Math.max(1, Math.min(MAX_MULTIPLICITY, Math.round(weights.positive() / min)));
        int neg = (int) Math.max(1, Math.min(MAX_MULTIPLICITY, Math.round(weights.negative() / min)));
        warnIfRounded(SmileKind.DECISION_TREE.model, "counts a row a whole number of times", weights,
                (double) pos / neg, progress);
        int[] samples = new int[y.size()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = y.get(i) == 1 ? pos : neg;
        }
        return samples;
    }

    // svm

    /**
     * The soft-margin penalties of an SVM with penalty {@code c} under class weights: {@code C·w_pos} for the positive
     * rows, {@code C·w_neg} for the negative ones, as scikit-learn's {@code SVC} sets them ({@code class_weight} scales
     * {@code C} per class).
     */
    record Penalties(double positive, double negative) {
    }

    static Penalties penalties(double c, ClassWeights weights) {
        return new Penalties(c * weights.positive(), c * weights.negative());
    }

    /**
     * {@code platt} with its odds multiplied by {@code w_pos / w_neg}: the probabilities of the weighted rows, in whose
     * share of positives the pipeline expects a weighted model's probabilities. Its sigmoid is
     * {@code 1 / (1 + exp(A·f + B))}, so that is {@code B − ln(w_pos / w_neg)}. Smile keeps {@code A} and {@code B}
     * private; they are read from its fields.
     */
    static PlattScaling weighted(PlattScaling platt, ClassWeights weights) {
        if (weights.isUniform()) {
            return platt;
        }
        try {
            java.lang.reflect.Field alpha = PlattScaling.class.getDeclaredField("alpha");
            java.lang.reflect.Field beta = PlattScaling.class.getDeclaredField("beta");
            alpha.setAccessible(true);
            beta.setAccessible(true);
            return new PlattScaling(alpha.getDouble(platt),
                    beta.getDouble(platt) - Math.log(weights.positive() / weights.negative()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Smile's PlattScaling no longer holds alpha and beta", e);
        }
    }

    /** Smile's kernel for resolved parameters: its Gaussian is {@code exp(-|x-y|² / (2σ²))}, so {@code σ = sqrt(1 / (2γ))}. */
    static MercerKernel<double[]> kernel(SvmParams params) {
        return SvmParams.LINEAR.equals(params.kernel()) ? new LinearKernel()
                : new GaussianKernel(Math.sqrt(1 / (2 * params.gamma())));
    }

    // mlp

    /** RMSProp's epsilon. */
    static final double EPSILON = 1e-8;

    private static HiddenLayerBuilder hidden(String activation, int units, double dropout) {
        return switch (activation) {
            case "relu" -> Layer.rectifier(units, dropout);
            case "leaky-relu" -> Layer.leaky(units, dropout, 0.01);
            case "tanh" -> Layer.tanh(units, dropout);
            case "sigmoid" -> Layer.sigmoid(units, dropout);
            default -> throw new IllegalArgumentException(activation);
        };
    }
}
