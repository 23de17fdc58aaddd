package dev.rareclass.domain.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    static SearchSpace articleSpace() {
        Map<String, SearchSpace.Distribution> m = new LinkedHashMap<>();
        m.put("init", new SearchSpace.Choice(List.of("he-uniform", "glorot-uniform")));
        m.put("activation", new SearchSpace.Choice(List.of("relu", "selu", "tanh")));
        m.put("optimizer", new SearchSpace.Choice(List.of("rmsprop", "adam")));
        return new SearchSpace(m);
    }

    /** Three lists of 1,000 values and one of 3: three billion points (the hostile space file was 12 KB). */
    static SearchSpace hugeGrid() {
        Map<String, SearchSpace.Distribution> m = new LinkedHashMap<>();
        for (String name : List.of("trees", "max-depth", "node-size")) {
            m.put(name, new SearchSpace.Choice(java.util.stream.IntStream.rangeClosed(1, 1000).mapToObj(Integer::toString)
                    .toList()));
        }
        m.put("split-rule", new SearchSpace.Choice(List.of("gini", "entropy", "classification-error")));
        return new SearchSpace(m);
    }

    @Test
    void aGridTooLargeIsRefusedBeforeAnyPointIsMadeAndRandomSearchDrawsFromItAll() {
        // before: grid() built the 3 billion maps, filling a 6 GB heap for 48 s, then exit 70 with heap advice
        assertThatThrownBy(() -> hugeGrid().grid()).isInstanceOf(UsageException.class)
                .hasMessage("the search space's grid has 3,000,000,000 points (trees 1000 x max-depth 1000 x node-size "
                        + "1000 x split-rule 3); grid search takes at most 100,000: use --search random with --trials, "
                        + "or shorter lists");
        List<Hyperparameters> drawn = hugeGrid().sample(50, 7);
        assertThat(drawn).hasSize(50).doesNotHaveDuplicates().isEqualTo(hugeGrid().sample(50, 7));
        assertThat(drawn).allSatisfy(h -> assertThat(h.asMap()).containsOnlyKeys("trees", "max-depth", "node-size",
                "split-rule"));
        assertThat(drawn.stream().map(h -> h.asMap().get("trees")).distinct().count()).as("spread over the grid")
                .isGreaterThan(40);
        assertThatThrownBy(() -> articleSpace().sample(SearchSpace.MAX_TRIALS + 1, 1))
                .isInstanceOf(UsageException.class).hasMessageContaining("--trials must be between 1 and 100,000");
    }

    @Test
    void theGridHoldsEveryCombinationOnce() {
        List<Hyperparameters> grid = articleSpace().grid();
        assertThat(grid).hasSize(12);
        assertThat(new HashSet<>(grid)).hasSize(12);
        assertThat(grid.get(0).asMap()).containsExactly(Map.entry("init", "he-uniform"), Map.entry("activation", "relu"),
                Map.entry("optimizer", "rmsprop"));
    }

    @Test
    void randomSearchOverListsDrawsWithoutReplacementAndIsSeeded() {
        List<Hyperparameters> a = articleSpace().sample(8, 3);
        assertThat(a).hasSize(8);
        assertThat(new HashSet<>(a)).hasSize(8);
        assertThat(articleSpace().sample(8, 3)).isEqualTo(a);
        assertThat(articleSpace().sample(8, 4)).isNotEqualTo(a);
        assertThat(articleSpace().sample(50, 3)).hasSize(12);
    }

    @Test
    void continuousDistributionsStayInTheirRange() {
        Map<String, SearchSpace.Distribution> m = new LinkedHashMap<>();
        m.put("learning-rate", new SearchSpace.LogUniform(1e-4, 1e-2));
        m.put("dropout", new SearchSpace.Uniform(0, 0.5));
        m.put("epochs", new SearchSpace.IntRange(5, 8));
        SearchSpace s = new SearchSpace(m);
        for (Hyperparameters h : s.sample(200, 1)) {
            assertThat(Double.parseDouble(h.asMap().get("learning-rate"))).isBetween(1e-4, 1e-2);
            assertThat(Double.parseDouble(h.asMap().get("dropout"))).isBetween(0.0, 0.5);
            assertThat(Integer.parseInt(h.asMap().get("epochs"))).isBetween(5, 8);
        }
        assertThatThrownBy(s::grid).isInstanceOf(UsageException.class).hasMessageContaining("list of values");
    }
}
