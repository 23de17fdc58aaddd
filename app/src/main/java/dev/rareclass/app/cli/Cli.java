package dev.rareclass.app.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.rareclass.app.wiring.AppModule;
import dev.rareclass.domain.error.IoErrorException;
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

    /**
     * Runs a command; a command whose results could not be written to standard output (closed, full) exits 74
     * even though it finished, since its output is lost.
     */
    public static int run(String... args) {
        CommandLine cmd = commandLine(Guice.createInjector(new AppModule()), args);
        int code = cmd.execute(args);
        return StandardOutput.verified(code, cmd.getOut(), cmd.getErr());
    }

    /** The configured command line with every command; tests run it with their own output writers. */
    public static CommandLine commandLine(Injector injector) {
        return configure(new CommandLine(RareclassCommand.class, new GuiceFactory(injector)));
    }

    /**
     * The configured command line for these arguments. When the first one names a command, only that command is
     * built: picocli builds every command it is given, with its options, mixins and use cases, which took a
     * quarter to a third of a second of every start. Help, completion, a missing or an unknown command get the
     * whole tree (their output lists every command).
     */
    public static CommandLine commandLine(Injector injector, String... args) {
        Class<?> only = args.length == 0 ? null : command(args[0]);
        if (only == null) {
            return commandLine(injector);
        }
        GuiceFactory factory = new GuiceFactory(injector);
        CommandLine cmd = new CommandLine(RareclassCommand.Alone.class, factory);
        try {
            cmd.addSubcommand(factory.create(only));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the " + args[0] + " command", e);
        }
        return configure(cmd);
    }

    /** The command class a word names (name or alias), except help and completion, which need the whole tree. */
    static Class<?> command(String word) {
        for (Class<?> c : RareclassCommand.class.getAnnotation(CommandLine.Command.class).subcommands()) {
            CommandLine.Command a = c.getAnnotation(CommandLine.Command.class);
            if (a == null || c == CompletionCommand.class || c == CommandLine.HelpCommand.class) {
                continue;
            }
            if (a.name().equals(word) || java.util.Arrays.asList(a.aliases()).contains(word)) {
                return c;
            }
        }
        return null;
    }

    /** Settings apply to the commands a command line has when they are made: call after adding them. */
    private static CommandLine configure(CommandLine cmd) {
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
        if (e instanceof IoErrorException io && io.brokenPipe() && !verbose) {
            return IoErrorException.BROKEN_PIPE_EXIT; // the reader went away (| head): quiet, as SIGPIPE
        }
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
