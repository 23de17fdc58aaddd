package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import smile.classification.DecisionTree;

/**
 * {@code max-depth} means one thing in every Smile tree kind, as in scikit-learn and on the other backends: the splits
 * from the root to the deepest leaf ({@code max-depth=2}: at most 4 leaves). Smile counts the root as level 1, so each
 * kind gives Smile one more. {@code random-forest} and {@code balanced-random-forest} once passed the value on as is,
 * growing trees a split shallower than {@code decision-tree} or {@code random-forest@spark} for the same parameter.
 */
class TreeDepthTest {

    /** XOR of two features among 5: a tree needs two levels of splits to separate it, so a limit of 2 is reached. */
    private static final TestData.Set DATA = TestData.xor(600, 5, 41);

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("decision-tree", SmileTrainers.decisionTree(), Map.of()),
                Arguments.of("random-forest", SmileTrainers.randomForest(), Map.of("trees", "10")),
                Arguments.of("balanced-random-forest", SmileTrainers.balancedRandomForest(), Map.of("trees", "10")),
                Arguments.of("balanced-bagging", SmileTrainers.balancedBagging(), Map.of("trees", "5")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void maxDepthCountsSplitsFromTheRoot(String kind, SmileTrainerFactory factory, Map<String, String> base) {
        for (int depth : new int[] {1, 2, 3}) {
            Map<String, String> params = new java.util.HashMap<>(base);
            params.put("max-depth", Integer.toString(depth));
            TrainedClassifier model = factory.create(Hyperparameters.of(params))
                    .train(DATA.x(), DATA.y(), TrainingContext.ofSeed(3));
            int[] splits = Arrays.stream(trees(model)).mapToInt(t -> t.root().depth() - 1).toArray();
            // every tree within the limit, and the deepest at it (the XOR rows give every tree reason to split)
            assertThat(Arrays.stream(splits).max().orElseThrow()).as("%s max-depth=%d", kind, depth).isEqualTo(depth);
            assertThat(model.params().asMap()).containsEntry("max-depth", Integer.toString(depth));
        }
    }

    private static DecisionTree[] trees(TrainedClassifier model) {
        return switch (model) {
            case SmileDecisionTreeClassifier dt -> new DecisionTree[] {dt.tree()};
            case SmileForestClassifier forest -> forest.trees();
            default -> throw new AssertionError(model.getClass());
        };
    }
}
