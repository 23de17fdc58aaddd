package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import smile.model.cart.SplitRule;

class ParamsTest {

    private static Hyperparameters p(String... kv) {
        return Hyperparameters.parse(java.util.List.of(kv));
    }

    @Test
    void logisticDefaultsAreScikitLearnsCAndTolWithSmilesIterationLimit() {
        LogisticParams params = LogisticParams.of(Hyperparameters.empty());
        assertThat(params).isEqualTo(new LogisticParams(1.0, 1e-4, 500));
        assertThat(params.toOptions()).isEqualTo(new smile.classification.LogisticRegression.Options(1.0, 1e-4, 500));
    }

    @Test
    void logisticReadsEveryParameter() {
        assertThat(LogisticParams.of(p("lambda=0", "tolerance=1e-8", "max-iterations=50")))
                .isEqualTo(new LogisticParams(0, 1e-8, 50));
    }

    @Test
    void randomForestDefaults() {
        RandomForestParams params = RandomForestParams.of(Hyperparameters.empty());
        // scikit-learn's RandomForestClassifier defaults: fully grown trees (depth capped at 200), min_samples_leaf=1
        assertThat(params).isEqualTo(new RandomForestParams(100, 0, 199, 0, 1, 1.0, SplitRule.GINI));
        assertThat(params.mtryFor(10)).isEqualTo(3);
        assertThat(params.mtryFor(1)).isEqualTo(1);
        assertThat(params.mtryFor(16)).isEqualTo(4);
    }

    @Test
    void randomForestReadsEveryParameter() {
        RandomForestParams params = RandomForestParams.of(p("trees=10", "mtry=2", "max-depth=8", "max-nodes=64",
                "node-size=3", "subsample=0.5", "split-rule=Entropy"));
        assertThat(params).isEqualTo(new RandomForestParams(10, 2, 8, 64, 3, 0.5, SplitRule.ENTROPY));
        assertThat(params.toHyperparameters().asMap()).containsAllEntriesOf(Map.of(
                "trees", "10", "mtry", "2", "max-depth", "8", "max-nodes", "64", "node-size", "3",
                "subsample", "0.5", "split-rule", "entropy"));
    }

    @Test
    void decisionTreeDefaultsAreScikitLearnsAndEveryParameterIsRead() {
        // DecisionTreeClassifier: fully grown (depth capped at 199 splits), min_samples_leaf=1, gini
        assertThat(DecisionTreeParams.of(Hyperparameters.empty())).isEqualTo(new DecisionTreeParams(199, 0, 1, SplitRule.GINI));
        DecisionTreeParams params = DecisionTreeParams.of(p("max-depth=5", "max-nodes=9", "node-size=4", "split-rule=entropy"));
        assertThat(params).isEqualTo(new DecisionTreeParams(5, 9, 4, SplitRule.ENTROPY));
        assertThat(DecisionTreeParams.of(params.toHyperparameters())).isEqualTo(params);
    }

    @Test
    void gradientBoostingDefaultsAreScikitLearnsAndEveryParameterIsRead() {
        // GradientBoostingClassifier: n_estimators=100, max_depth=3, learning_rate=0.1, subsample=1.0, min_samples_leaf=1
        GradientBoostingParams defaults = GradientBoostingParams.of(Hyperparameters.empty());
        assertThat(defaults).isEqualTo(new GradientBoostingParams(100, 3, 0, 1, 0.1, 1.0));
        assertThat(defaults.toOptions().maxDepth()).isEqualTo(4);
        GradientBoostingParams params = GradientBoostingParams.of(p("trees=7", "max-depth=2", "max-nodes=3", "node-size=5",
                "learning-rate=0.3", "subsample=0.8"));
        assertThat(params).isEqualTo(new GradientBoostingParams(7, 2, 3, 5, 0.3, 0.8));
        assertThat(GradientBoostingParams.of(params.toHyperparameters())).isEqualTo(params);
        // seed, as gradient-boosting@xgboost names it: a command naming it runs on either backend
        GradientBoostingParams seeded = GradientBoostingParams.of(p("subsample=0.5", "seed=-3"));
        assertThat(seeded.seed()).hasValue(-3);
        assertThat(GradientBoostingParams.of(seeded.toHyperparameters())).isEqualTo(seeded);
        assertThatThrownBy(() -> GradientBoostingParams.of(p("seed=1.5"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("seed=1.5 is not an integer");
    }

    @Test
    void adaBoostDefaultsAreScikitLearnsFiftyStumps() {
        AdaBoostParams defaults = AdaBoostParams.of(Hyperparameters.empty());
        assertThat(defaults).isEqualTo(new AdaBoostParams(50, 1, 0, 1));
        assertThat(defaults.toOptions().maxDepth()).isEqualTo(2); // Smile's root is depth 1
        AdaBoostParams params = AdaBoostParams.of(p("trees=9", "max-depth=4", "max-nodes=6", "node-size=2"));
        assertThat(params).isEqualTo(new AdaBoostParams(9, 4, 6, 2));
        assertThat(AdaBoostParams.of(params.toHyperparameters())).isEqualTo(params);
    }

    @Test
    void balancedRandomForestDefaultsAreImblearnsAndNamesAreRandomForests() {
        // BalancedRandomForestClassifier: 100 trees, max_features='sqrt', fully grown, min_samples_leaf=1, gini
        BalancedForestParams defaults = BalancedForestParams.of(Hyperparameters.empty());
        assertThat(defaults).isEqualTo(new BalancedForestParams(100, 0, 199, 0, 1, SplitRule.GINI));
        assertThat(defaults.resolvedFor(10).mtry()).isEqualTo(3);
        BalancedForestParams params = BalancedForestParams.of(p("trees=7", "mtry=2", "max-depth=6", "max-nodes=9",
                "node-size=3", "split-rule=entropy"));
        assertThat(params).isEqualTo(new BalancedForestParams(7, 2, 6, 9, 3, SplitRule.ENTROPY));
        assertThat(BalancedForestParams.of(params.toHyperparameters())).isEqualTo(params);
        assertThat(RandomForestParams.NAMES).containsAll(BalancedForestParams.NAMES);
        assertThatThrownBy(() -> params.resolvedFor(1)).isInstanceOf(UsageException.class).hasMessageContaining("mtry=2");
    }

    @Test
    void balancedBaggingDefaultsAreImblearnsTenFullTrees() {
        BalancedBaggingParams defaults = BalancedBaggingParams.of(Hyperparameters.empty());
        assertThat(defaults).isEqualTo(new BalancedBaggingParams(10, 199, 0, 1, SplitRule.GINI));
        BalancedBaggingParams params = BalancedBaggingParams.of(p("trees=3", "max-depth=4", "max-nodes=5", "node-size=2",
                "split-rule=classification_error"));
        assertThat(params).isEqualTo(new BalancedBaggingParams(3, 4, 5, 2, SplitRule.CLASSIFICATION_ERROR));
        assertThat(BalancedBaggingParams.of(params.toHyperparameters())).isEqualTo(params);
    }

    @Test
    void easyEnsembleAndRusBoostDefaultsAreImblearnsOverScikitLearnsAdaBoost() {
        // EasyEnsembleClassifier: 10 members, each AdaBoostClassifier() (SAMME.R, 50 stumps, learning rate 1)
        EasyEnsembleParams easy = EasyEnsembleParams.of(Hyperparameters.empty());
        assertThat(easy).isEqualTo(new EasyEnsembleParams(10, 50, 1.0, 1));
        EasyEnsembleParams e = EasyEnsembleParams.of(p("estimators=4", "trees=20", "learning-rate=0.5", "max-depth=2"));
        assertThat(e).isEqualTo(new EasyEnsembleParams(4, 20, 0.5, 2));
        assertThat(EasyEnsembleParams.of(e.toHyperparameters())).isEqualTo(e);
        // RUSBoostClassifier: 50 rounds, SAMME.R, learning rate 1, DecisionTreeClassifier(max_depth=1)
        assertThat(RusBoostParams.of(Hyperparameters.empty())).isEqualTo(new RusBoostParams(50, 1.0, 1));
        RusBoostParams r = RusBoostParams.of(p("trees=5", "learning-rate=0.1", "max-depth=3"));
        assertThat(r).isEqualTo(new RusBoostParams(5, 0.1, 3));
        assertThat(RusBoostParams.of(r.toHyperparameters())).isEqualTo(r);
    }

    @Test
    void knnDefaultsToScikitLearnsFiveNeighbours() {
        assertThat(KnnParams.of(Hyperparameters.empty())).isEqualTo(new KnnParams(5));
        assertThat(KnnParams.of(p("k=11")).toHyperparameters().asMap()).isEqualTo(Map.of("k", "11"));
    }

    @Test
    void svmDefaultsAreScikitLearnsSvc() {
        assertThat(SvmParams.of(Hyperparameters.empty())).isEqualTo(new SvmParams("rbf", 1.0, 0, 1e-3, 1));
        assertThat(SvmParams.of(p("kernel=linear", "c=0.5", "tolerance=1e-4", "epochs=3")))
                .isEqualTo(new SvmParams("linear", 0.5, 0, 1e-4, 3));
        assertThat(SvmParams.of(p("gamma=0.2")).gamma()).isEqualTo(0.2);
        assertThatThrownBy(() -> SvmParams.of(p("kernel=linear", "gamma=0.2"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("gamma applies to kernel=rbf only");
        SvmParams params = new SvmParams("rbf", 2, 0.3, 1e-3, 2);
        assertThat(SvmParams.of(params.toHyperparameters())).isEqualTo(params);
    }

    @Test
    void mlpTakesMlpDl4jsNamesAndDefaultsButRmsprop() {
        MlpParams defaults = MlpParams.of(Hyperparameters.empty());
        assertThat(defaults).isEqualTo(new MlpParams(List.of(16, 16), List.of("relu", "relu"), List.of(0.0, 0.0), "rmsprop",
                0.001, 0, 0.95, 0, 20, 64, java.util.OptionalLong.empty()));
        MlpParams params = MlpParams.of(p("hidden=32,8,4", "activation=tanh,leaky-relu,sigmoid", "dropout=0.2",
                "optimizer=sgd", "momentum=0.5", "learning-rate=0.05", "l2=0.001", "epochs=3", "batch-size=16", "seed=9"));
        assertThat(params).isEqualTo(new MlpParams(List.of(32, 8, 4), List.of("tanh", "leaky-relu", "sigmoid"),
                List.of(0.2, 0.2, 0.2), "sgd", 0.05, 0.5, 0.95, 0.001, 3, 16, java.util.OptionalLong.of(9)));
        assertThat(MlpParams.of(params.toHyperparameters())).isEqualTo(params);
        assertThat(MlpParams.of(defaults.toHyperparameters())).isEqualTo(defaults);
    }

    @Test
    void mlpRefusesAnEmptyListElementLikeMlpDl4j() {
        // hidden=16,,16 built two layers and hidden=,16 one; the same value is refused by mlp@dl4j
        for (String pair : List.of("hidden=16,,16", "hidden=,16", "hidden=16,", "activation=relu,,relu", "dropout=0.2,")) {
            Hyperparameters params = pair.startsWith("hidden=") ? p(pair) : p("hidden=8,4,2", pair);
            assertThatThrownBy(() -> MlpParams.of(params)).isInstanceOf(UsageException.class)
                    .hasMessage("parameter " + pair + " has an empty element; give one value or a comma list of values");
        }
    }

    /** Reads parameters the way the named model's factory does. */
    private static Object read(String model, Hyperparameters params) {
        return switch (model) {
            case "logistic" -> LogisticParams.of(params);
            case "random-forest" -> RandomForestParams.of(params);
            case "decision-tree" -> DecisionTreeParams.of(params);
            case "gradient-boosting" -> GradientBoostingParams.of(params);
            case "adaboost" -> AdaBoostParams.of(params);
            case "knn" -> KnnParams.of(params);
            case "svm" -> SvmParams.of(params);
            case "mlp" -> MlpParams.of(params);
            case "balanced-random-forest" -> BalancedForestParams.of(params);
            case "balanced-bagging" -> BalancedBaggingParams.of(params);
            case "easy-ensemble" -> EasyEnsembleParams.of(params);
            case "rus-boost" -> RusBoostParams.of(params);
            default -> throw new IllegalArgumentException(model);
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "logistic|lambda=-1|lambda=-1",
        "logistic|tolerance=0|tolerance=0",
        "logistic|max-iterations=many|max-iterations=many is not an integer",
        "random-forest|trees=0|trees=0",
        "random-forest|max-depth=0|max-depth=0",
        "random-forest|max-depth=200|max-depth=200",
        "random-forest|node-size=0|node-size=0",
        "random-forest|subsample=0|subsample=0",
        "random-forest|subsample=1.5|subsample=1.5",
        "random-forest|split-rule=best|split-rule=best",
        "random-forest|max-nodes=1|max-nodes=1",
        "decision-tree|max-depth=0|max-depth=0",
        "decision-tree|max-depth=200|max-depth=200",
        "decision-tree|max-nodes=1|max-nodes=1",
        "decision-tree|node-size=0|node-size=0",
        "decision-tree|split-rule=mse|split-rule=mse",
        "decision-tree|max-depth=deep|max-depth=deep",
        "gradient-boosting|trees=0|trees=0",
        "adaboost|trees=0|trees=0",
        "knn|k=0|k=0",
        "mlp|dropout=0.5,0.5,0.5|dropout=0.5,0.5,0.5 must be one value or one per hidden layer",
        "mlp|hidden=0|hidden",
        "mlp|activation=softplus|activation=softplus",
        "mlp|optimizer=adagrad|optimizer=adagrad",
        "mlp|learning-rate=0|learning-rate=0 must be > 0 and <= 10", // it was "out of range [4.9E-324, 10]"
        "mlp|learning-rate=-1|learning-rate=-1 must be > 0 and <= 10",
        "mlp|learning-rate=11|learning-rate=11 must be > 0 and <= 10",
        "mlp|epochs=0|epochs=0",
        "mlp|batch-size=0|batch-size=0",
        "mlp|dropout=1|dropout=1.0",
        "mlp|l2=-1|l2=-1",
        "mlp|init=he-uniform|init is not supported by mlp@smile; use mlp@dl4j",
        "mlp|l1=0.1|l1 is not supported by mlp@smile; use mlp@dl4j",
        "mlp|early-stopping=val_loss|early-stopping is not supported by mlp@smile; use mlp@dl4j",
        "mlp|patience=3|patience is not supported by mlp@smile; use mlp@dl4j",
        "mlp|min-delta=0.1|min-delta is not supported by mlp@smile; use mlp@dl4j",
        "mlp|restore-best=false|restore-best is not supported by mlp@smile; use mlp@dl4j",
        "mlp|optimizer=adam|optimizer=adam is not supported by mlp@smile (it has rmsprop, sgd); use mlp@dl4j",
        "mlp|activation=selu|activation=selu is not supported by mlp@smile",
        "mlp|momentum=0.5|momentum applies to optimizer=sgd only",
        "mlp|l2=auto|parameter l2=auto is mlp@dl4j's only (10/N for N training rows there); mlp@smile takes a number >= 0, the same coefficient (default 0)",
        "mlp|l2=AUTO|parameter l2=AUTO is mlp@dl4j's only",
        "mlp|batch-size=all|parameter batch-size=all is mlp@dl4j's only (every training row in one batch there); mlp@smile takes a number of rows (default 64); the training rows' count makes one batch of them all",
        "mlp|l2=lots|parameter l2=lots is not a number",
        "svm|kernel=poly|kernel=poly",
        "svm|c=0|c=0",
        "svm|c=-1|c=-1",
        "svm|gamma=0|gamma=0",
        "svm|gamma=auto|gamma=auto",
        "svm|tolerance=0|tolerance=0",
        "svm|epochs=0|epochs=0",
        "knn|k=2.5|k=2.5",
        "knn|k=-1|k=-1",
        "adaboost|trees=x|trees=x",
        "adaboost|max-depth=0|max-depth=0",
        "adaboost|max-depth=200|max-depth=200",
        "adaboost|max-nodes=1|max-nodes=1",
        "adaboost|node-size=0|node-size=0",
        "gradient-boosting|max-depth=0|max-depth=0",
        "gradient-boosting|max-nodes=1|max-nodes=1",
        "gradient-boosting|node-size=0|node-size=0",
        "gradient-boosting|learning-rate=0|learning-rate=0",
        "gradient-boosting|learning-rate=1.5|learning-rate=1.5",
        "gradient-boosting|subsample=0|subsample=0",
        "gradient-boosting|subsample=2|subsample=2",
        "balanced-random-forest|trees=0|trees=0",
        "balanced-random-forest|mtry=0|mtry=0",
        "balanced-random-forest|max-depth=0|max-depth=0",
        "balanced-random-forest|max-depth=200|max-depth=200",
        "balanced-random-forest|max-nodes=1|max-nodes=1",
        "balanced-random-forest|node-size=0|node-size=0",
        "balanced-random-forest|split-rule=best|split-rule=best",
        "balanced-bagging|trees=many|trees=many is not an integer",
        "balanced-bagging|max-depth=200|max-depth=200",
        "balanced-bagging|node-size=-1|node-size=-1",
        "easy-ensemble|estimators=0|estimators=0",
        "easy-ensemble|trees=0|trees=0",
        "easy-ensemble|learning-rate=0|learning-rate=0",
        "easy-ensemble|learning-rate=2|learning-rate=2",
        "easy-ensemble|max-depth=0|max-depth=0",
        "rus-boost|trees=-3|trees=-3",
        "rus-boost|learning-rate=x|learning-rate=x is not a number",
        "rus-boost|max-depth=200|max-depth=200",
    })
    void badValuesNameTheParameter(String model, String param, String message) {
        assertThatThrownBy(() -> read(model, p(param))).isInstanceOf(UsageException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "logistic|C=1|unknown parameter 'C' for logistic@smile|known: lambda, max-iterations, seed, tolerance",
        "random-forest|n_estimators=10|unknown parameter 'n_estimators' for random-forest@smile|known: max-depth, max-nodes, mtry, node-size, seed, split-rule, subsample, trees",
        "gradient-boosting|n_estimators=10|unknown parameter 'n_estimators' for gradient-boosting@smile|known: learning-rate, max-depth, max-nodes, node-size, seed, subsample, trees",
        "adaboost|learning-rate=1|unknown parameter 'learning-rate' for adaboost@smile|known: max-depth, max-nodes, node-size, seed, trees",
        "knn|n_neighbors=3|unknown parameter 'n_neighbors' for knn@smile|known: k, seed",
        "svm|C=1|unknown parameter 'C' for svm@smile|known: c, epochs, gamma, kernel, seed, tolerance",
        "mlp|layers=8|unknown parameter 'layers' for mlp@smile|known: activation, batch-size, dropout, epochs, hidden, l2, learning-rate, momentum, optimizer, rho, seed",
        "decision-tree|trees=10|unknown parameter 'trees' for decision-tree@smile|known: max-depth, max-nodes, node-size, seed, split-rule",
        "balanced-random-forest|subsample=0.5|unknown parameter 'subsample' for balanced-random-forest@smile|known: max-depth, max-nodes, mtry, node-size, seed, split-rule, trees",
        "balanced-bagging|mtry=2|unknown parameter 'mtry' for balanced-bagging@smile|known: max-depth, max-nodes, node-size, seed, split-rule, trees",
        "easy-ensemble|n_estimators=5|unknown parameter 'n_estimators' for easy-ensemble@smile|known: estimators, learning-rate, max-depth, seed, trees",
        "rus-boost|node-size=2|unknown parameter 'node-size' for rus-boost@smile|known: learning-rate, max-depth, seed, trees",
    })
    void unknownKeysListTheKnownOnes(String model, String param, String unknown, String known) {
        assertThatThrownBy(() -> read(model, p(param))).isInstanceOf(UsageException.class)
                .hasMessageContaining(unknown)
                .hasMessageContaining(known);
    }

    @Test
    void factoriesValidateWhenCreatingATrainer() {
        assertThatThrownBy(() -> SmileTrainers.randomForest().create(p("depth=3"))).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> SmileTrainers.logistic().create(p("lambda=x"))).isInstanceOf(UsageException.class);
        assertThat(SmileTrainers.randomForest().parameterNames()).isEqualTo(RandomForestParams.NAMES);
        assertThat(SmileTrainers.logistic().parameterNames()).isEqualTo(LogisticParams.NAMES);
    }
}
