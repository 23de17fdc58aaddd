package dev.rareclass.adapters.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rareclass.adapters.recipe.YamlRecipeStore;
import dev.rareclass.domain.error.RareclassException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Fuzz targets for recipes ({@code run FILE}: YAML, or JSON by its name, a run manifest included) and {@code tune}'s
 * search-space files: any bytes must either read or be refused with one of the domain's {@link RareclassException}s,
 * whose message (shown by the command line as one plain line, or two) has at most two lines; every other exception,
 * and any Error, is a finding. Only the file is read here: the data a recipe names need not exist. Seeds:
 * {@code src/test/resources/dev/rareclass/adapters/fuzz/RecipeFuzzTestInputs}; {@code scripts/fuzz recipe recipe-json
 * space} fuzzes them.
 */
class RecipeFuzzTest {

    private static final YamlRecipeStore STORE = new YamlRecipeStore();
    private static final Path DIR = FuzzFiles.folder("rareclass-recipe-fuzz");

    @FuzzTest(maxDuration = "60s")
    void recipe(byte[] data) throws IOException {
        read(data, "r.yaml", STORE::read);
    }

    @FuzzTest(maxDuration = "60s")
    void recipeJson(byte[] data) throws IOException {
        read(data, "r.json", STORE::read);
    }

    @FuzzTest(maxDuration = "60s")
    void space(byte[] data) throws IOException {
        read(data, "space.yaml", STORE::readSearchSpace);
    }

    private static void read(byte[] data, String name, Consumer<Path> reader) throws IOException {
        Path p = DIR.resolve(Thread.currentThread().threadId() + "-" + name);
        Files.write(p, data);
        try {
            reader.accept(p);
        } catch (RareclassException e) {
            String message = e.getMessage();
            if (message == null || message.isBlank() || message.lines().count() > 2) {
                throw new AssertionError("a refusal in more than two lines, or none: " + message, e);
            }
        } finally {
            Files.deleteIfExists(p);
        }
    }
}
