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
