package dev.rareclass.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The launcher's test of whether {@code run FILE} needs the Spark engine ({@code scripts/spark-recipe.awk}): a yes
 * fetches and builds about 320 MB, so a comment, another key's value or a local engine must not say yes, and a no
 * leaves a Spark recipe or manifest without its engine.
 */
class SparkRecipeDetectionTest {

    private static final Path SCRIPT = Path.of("..", "scripts", "spark-recipe.awk");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            short form                    | data: x\\nengine: spark\\n                                      | true
            quoted, with a comment        | engine: "spark"  # on the cluster\\n                             | true
            spaced colon, CR LF           | engine : spark\\r\\n                                              | true
            block                         | engine:\\n  name: spark\\n  master: local[2]\\n                   | true
            flow                          | engine: {name: spark, master: x}\\n                                | true
            flow, name second             | engine: {master: x, name: spark}\\n                                | true
            manifest                      | {\\n  "recipe" : {\\n    "engine" : {\\n      "name" : "spark",\\n      "master" : "local[2]"\\n    }\\n  }\\n} | true
            comment naming spark          | engine: local   # try spark later\\n                             | false
            commented-out line            | # engine: spark\\nengine: local\\n                                | false
            local block with spark conf   | engine:\\n  name: local\\n  conf: {spark.x: 1}\\n                 | false
            flow, spark as the master     | engine: {name: local, master: spark}\\n                            | false
            a name outside the engine     | name: spark\\nengine: local\\n                                    | false
            another word                  | models: [spark]\\nengine: sparkle\\n                               | false
            local manifest                | {\\n  "recipe" : {\\n    "engine" : {\\n      "name" : "local"\\n    }\\n  }\\n} | false
            no engine                     | models: [logistic]\\n                                             | false
            """)
    void sparkOnlyWhereTheEngineIsSpark(String name, String text, boolean spark) throws Exception {
        Path file = dir.resolve("recipe.yaml");
        Files.writeString(file, text.strip().replace("\\r", "\r").replace("\\n", "\n"));
        assertThat(needsSpark(file)).as(name).isEqualTo(spark);
    }

    private static boolean needsSpark(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("awk", "-f", SCRIPT.toString(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("awk's output").isEmpty();
        return p.exitValue() == 0;
    }
}
