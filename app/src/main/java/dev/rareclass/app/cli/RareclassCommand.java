package dev.rareclass.app.cli;

import picocli.CommandLine.Command;

/** The top command: only subcommands do work. */
@Command(name = "rareclass",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = RareclassCommand.DESCRIPTION,
        subcommands = {DemoCommand.class, DescribeCommand.class, TrainCommand.class, EvaluateCommand.class,
                PredictCommand.class, InspectCommand.class, ExplainCommand.class, ServeCommand.class, CompareCommand.class, TuneCommand.class, RunCommand.class, ResampleCommand.class, ScoreCommand.class, DatasetsCommand.class,
                CompletionCommand.class, picocli.CommandLine.HelpCommand.class},
        footer = {"", RareclassCommand.EXIT_CODES})
public final class RareclassCommand implements Runnable {

    static final String DESCRIPTION = "Binary classification when the class that matters is rare: compare Smile "
            + "and XGBoost baselines with Deeplearning4j networks under samplers, class weights and tuned thresholds.";
    static final String EXIT_CODES = "Exit codes: 0 ok, 2 bad usage, 65 bad data, 66 input missing or unreadable, "
            + "70 internal error, 73 cannot write output, 74 standard output could not be written, 130 interrupted, "
            + "141 the reader of a pipe went away.";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        needACommand(spec);
    }

    private static void needACommand(picocli.CommandLine.Model.CommandSpec spec) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is needed, such as 'demo' or 'train'");
    }

    /**
     * The same top command without subcommands, for a command line that is given only the one it runs
     * ({@link Cli#commandLine(com.google.inject.Injector, String...)}).
     */
    @Command(name = "rareclass", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = RareclassCommand.DESCRIPTION, footer = {"", RareclassCommand.EXIT_CODES})
    static final class Alone implements Runnable {

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            needACommand(spec);
        }
    }
}
