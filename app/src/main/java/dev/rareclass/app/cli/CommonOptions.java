package dev.rareclass.app.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {

    @Option(names = "--verbose", description = "Show stack traces of errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Show no progress on stderr.")
    boolean quiet;
}
