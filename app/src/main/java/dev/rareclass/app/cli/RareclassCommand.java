package dev.rareclass.app.cli;

import picocli.CommandLine.Command;

/** The top command: only subcommands do work. */
@Command(name = "rareclass",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Binary classification when the class that matters is rare: compare Smile baselines and "
                + "Deeplearning4j networks under class weights and tuned thresholds.",
        subcommands = {DemoCommand.class, DescribeCommand.class, TrainCommand.class, EvaluateCommand.class,
                PredictCommand.class, CompareCommand.class, TuneCommand.class, RunCommand.class, ResampleCommand.class, ScoreCommand.class, DatasetsCommand.class,
                CompletionCommand.class, picocli.CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 2 bad usage, 65 bad data, 66 input missing or unreadable, "
                + "70 internal error, 73 cannot write output."})
public final class RareclassCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is needed, such as 'demo' or 'train'");
    }
}
