package dev.rareclass.app.cli;

import dev.rareclass.domain.error.OutputException;
import dev.rareclass.domain.model.ProgressListener;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command has: the common options ({@code --verbose}, {@code --quiet}), its picocli spec, stdout for
 * results and stderr for progress and notes. A command builds a request from its options, calls its use case
 * and shows the result ({@link Show}).
 */
abstract class CliCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** Where results go. */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /**
     * Where a command's summary of what it wrote goes: stdout, or stderr when an output is standard output
     * ({@code --out -}), so the summary never mixes with the data.
     */
    final PrintWriter summary(java.nio.file.Path... outputs) {
        for (java.nio.file.Path p : outputs) {
            if (p != null && p.getNameCount() == 1 && !p.isAbsolute() && p.toString().equals("-")) {
                return spec.commandLine().getErr();
            }
        }
        return out();
    }

    /**
     * The file an output option names, refused (exit 73, as a folder given there is) when the name as typed ends in
     * {@code /}: a shell's {@code >} and {@code cp} read such a name as a folder, but the JDK drops the slash, so
     * {@code --out models/} wrote a file named {@code models}. Options whose output may be a folder (the Spark engine's
     * part files) are not passed here.
     */
    final void fileNamed(String option, java.nio.file.Path value) {
        CommandLine.Model.OptionSpec matched = value == null ? null : spec.commandLine().getParseResult()
                .matchedOption(option);
        if (matched != null) {
            for (String typed : matched.originalStringValues()) {
                if (typed.endsWith("/")) {
                    throw new OutputException(typed + ": a name ending in / is a folder; " + option + " needs a "
                            + "file's name", null);
                }
            }
        }
    }

    /** Where progress and notes go (nothing under {@code --quiet}). */
    final ProgressListener progress() {
        return common.progress(spec);
    }
}
