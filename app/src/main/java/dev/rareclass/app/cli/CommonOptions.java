package dev.rareclass.app.cli;

import dev.rareclass.domain.model.ProgressListener;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {

    @Option(names = "--verbose", description = "Show stack traces of errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Show no progress or notes on stderr (warnings still show).")
    boolean quiet;

    /** Where a command reports progress and notes. */
    ProgressListener progress(CommandSpec spec) {
        return ConsoleProgress.of(spec.commandLine().getErr(), quiet);
    }
}
