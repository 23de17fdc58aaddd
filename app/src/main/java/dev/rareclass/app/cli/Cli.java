package dev.rareclass.app.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.rareclass.app.wiring.AppModule;
import dev.rareclass.domain.error.RareclassException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Builds the command line over the Guice injector and maps every failure to an exit code in one place:
 * user errors get one plain line on stderr and their sysexits code; anything else is an internal error
 * (70), with the stack trace only under {@code --verbose}.
 */
public final class Cli {

    static final int EX_USAGE = 2;
    static final int EX_SOFTWARE = 70;

    private Cli() {
    }

    public static int run(String... args) {
        return commandLine(Guice.createInjector(new AppModule())).execute(args);
    }

    /** The configured command line; tests run it with their own output writers. */
    public static CommandLine commandLine(Injector injector) {
        CommandLine cmd = new CommandLine(RareclassCommand.class, new GuiceFactory(injector));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler(Cli::onParameterError);
        cmd.setExecutionExceptionHandler(Cli::onExecutionError);
        return cmd;
    }

    private static int onParameterError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("rareclass: " + e.getMessage());
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return EX_USAGE;
    }

    private static int onExecutionError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean verbose = hasVerbose(parsed);
        if (e instanceof RareclassException user) {
            err.println("rareclass: " + user.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return user.exitCode();
        }
        if (e.getCause() instanceof OutOfMemoryError) {
            err.println("rareclass: out of memory; raise the heap with JAVA_OPTS=-Xmx<size> (for example -Xmx16g)");
            err.flush();
            return EX_SOFTWARE;
        }
        err.println("rareclass: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return EX_SOFTWARE;
    }

    private static boolean hasVerbose(CommandLine.ParseResult result) {
        for (CommandLine.ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.matchedOption("--verbose") != null) {
                return true;
            }
        }
        return false;
    }

    /** Creates commands through Guice so they get their use cases injected. */
    private record GuiceFactory(Injector injector) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls.getPackageName().equals(Cli.class.getPackageName())) {
                return injector.getInstance(cls);
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
