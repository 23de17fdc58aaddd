package dev.rareclass.app.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.rareclass.app.wiring.AppModule;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs the real command line in-process, built as a start builds it (only the command asked for), and captures
 * exit code, stdout and stderr.
 */
public record CliRun(int exitCode, String out, String err) {

    private static final Injector INJECTOR = Guice.createInjector(new AppModule());

    static CliRun of(String... args) {
        return run(Cli.commandLine(INJECTOR, args), args);
    }

    /** Runs the command line with every command built, wired by {@code injector}. */
    public static CliRun withAllCommands(Injector injector, String... args) {
        return run(Cli.commandLine(injector), args);
    }

    private static CliRun run(CommandLine cmd, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
