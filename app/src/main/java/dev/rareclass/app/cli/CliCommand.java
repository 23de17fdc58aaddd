package dev.rareclass.app.cli;

import dev.rareclass.domain.model.ProgressListener;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
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

    /** Where progress and notes go (nothing under {@code --quiet}). */
    final ProgressListener progress() {
        return common.progress(spec);
    }
}
