package dev.rareclass.adapters.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.experiment.Recipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every recipe the project ships (recipes/) reads under the recipe rules as they tighten (YAML 1.1 readings, tags,
 * keys given twice): a rule that refused one would break the README's examples. Reading needs no data file.
 */
class ShippedRecipesTest {

    @Test
    void everyShippedRecipeReads() throws IOException {
        List<Path> recipes;
        try (Stream<Path> files = Files.list(Path.of("..", "recipes"))) {
            recipes = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(recipes).hasSizeGreaterThanOrEqualTo(6);
        YamlRecipeStore store = new YamlRecipeStore();
        for (Path file : recipes) {
            Recipe recipe = store.read(file).recipe();
            assertThat(recipe.plan().candidates()).as(file.toString()).isNotEmpty();
        }
    }
}
