package dev.rareclass.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.rareclass.app.cli.Cli;
import dev.rareclass.app.wiring.AppModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The launcher builds the Spark engine (about 320 MB on first use) for {@code --engine spark} only on the commands that
 * take {@code --engine}: its list of them must be the commands' own, or a new command with the option would run without
 * the engine on its class path, and one without the option would download Spark only to refuse the option.
 */
class LauncherEngineCommandsTest {

    @Test
    void theLaunchersEngineCommandsAreTheOnesWithAnEngineOption() throws Exception {
        String launcher = Files.readString(Path.of("..", "rareclass"));
        Matcher m = Pattern.compile("(?m)^\\s*([a-z|]+)\\)\\s*\\[ \"\\$engine_spark\" = 1 \\]").matcher(launcher);
        assertThat(m.find()).as("the launcher's case line of the commands that take --engine").isTrue();
        Set<String> launcherList = new TreeSet<>(Arrays.asList(m.group(1).split("\\|")));

        CommandLine cli = Cli.commandLine(Guice.createInjector(new AppModule()));
        Set<String> withEngine = cli.getSubcommands().entrySet().stream()
                .filter(e -> e.getValue().getCommandSpec().findOption("--engine") != null)
                .map(java.util.Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(withEngine).contains("train", "compare");
        assertThat(launcherList).isEqualTo(withEngine);
    }
}
