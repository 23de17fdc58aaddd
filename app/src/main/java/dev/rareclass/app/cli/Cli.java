package dev.rareclass.app.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.rareclass.app.wiring.AppModule;
import dev.rareclass.domain.error.IoErrorException;
import dev.rareclass.domain.error.RareclassException;
import dev.rareclass.domain.data.ClosestNames;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import dev.rareclass.domain.data.Decimals;
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
        // whole numbers by the tables' rule (ASCII digits): picocli's own reads other scripts' digits (--seed=１)
        CommandLine.ITypeConverter<Integer> integer = v -> number(v, Decimals::parseInt, "an int");
        CommandLine.ITypeConverter<Long> longInteger = v -> number(v, Decimals::parseLong, "a long");
        cmd.registerConverter(Integer.class, integer);
        cmd.registerConverter(Integer.TYPE, integer);
        cmd.registerConverter(Long.class, longInteger);
        cmd.registerConverter(Long.TYPE, longInteger);
        // decimals by the same rule: picocli's (Java's) also read 10d as 10 and 0x1p3 as 8 (serve --timeout 1d was one
        // second, not a day) and NaN as a number
        CommandLine.ITypeConverter<Double> decimal = v -> number(v, Decimals::parse, "a number");
        cmd.registerConverter(Double.class, decimal);
        cmd.registerConverter(Double.TYPE, decimal);
        // an empty file name is the working folder to the JDK: `evaluate '' t.csv` was ": is a folder" (exit 66)
        cmd.registerConverter(java.nio.file.Path.class, v -> {
            if (v.isEmpty()) {
                throw new CommandLine.TypeConversionException("an empty file name; give a file's path");
            }
            try {
                return java.nio.file.Path.of(v);
            } catch (java.nio.file.InvalidPathException e) {
                throw new CommandLine.TypeConversionException("'" + v + "' is not a file name here (" + e.getReason()
                        + ")");
            }
        });
        cmd.setParameterExceptionHandler(Cli::onParameterError);
        cmd.setExecutionExceptionHandler(Cli::onExecutionError);
        cmd.setExecutionStrategy(parsed -> {
            requireNoEmptyListElement(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        return cmd;
    }

    /**
     * The list options whose wholly empty value means none: a model remembers how its data was read, and
     * {@code evaluate m.model t.csv --drop=} overrides its dropped columns with none.
     */
    private static final java.util.Set<String> NONE_WHEN_EMPTY = java.util.Set.of("--drop", "--categorical", "--text");

    /**
     * Refuses a comma list option ({@code --models}, {@code --samplers}, {@code --drop}, ...) with an empty element, as
     * a model's list parameter is ({@code hidden=16,}): picocli drops a trailing one, so {@code --models knn,} compared
     * knn alone and {@code --drop a,,b} dropped a and b without a word, while {@code --samplers smote,,none} was
     * "unknown sampler ''". A wholly empty {@code --drop=} (and {@code --categorical=}, {@code --text=}) still means
     * none.
     */
    private static void requireNoEmptyListElement(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            for (CommandLine.Model.OptionSpec option : p.matchedOptions()) {
                if (option.splitRegex().isEmpty()) {
                    continue;
                }
                for (String raw : option.originalStringValues()) {
                    if (raw.isEmpty() && NONE_WHEN_EMPTY.contains(option.longestName())) {
                        continue; // --drop= reads every column, where the model remembers dropping some
                    }
                    if (java.util.Arrays.stream(raw.split(option.splitRegex(), -1)).anyMatch(String::isBlank)) {
                        throw new CommandLine.ParameterException(p.commandSpec().commandLine(), option.longestName()
                                + " " + (raw.isBlank() ? "'" + raw + "' is empty" : raw + " has an empty element")
                                + "; give one value or a comma list of values");
                    }
                }
            }
        }
    }

    /** An option's number, or picocli's own one-line refusal ("'1.5' is not an int") naming the option. */
    private static <T> T number(String value, java.util.function.Function<String, T> parse, String type) {
        try {
            return parse.apply(value);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not " + type);
        }
    }

    /** What running out of heap says when the heap it would need is not known. */
    public static final String OUT_OF_MEMORY =
            "rareclass: out of memory; raise the heap with JAVA_OPTS=-Xmx<size> (for example -Xmx16g)";

    /** Characters of a message line shown at most: a value quoted whole from the input could be megabytes long. */
    static final int MAX_LINE = 1000;

    /** {@link #shown(String)} of a message said of these command-line arguments ({@link #withArgumentsOnOneLine}). */
    static String shown(String message, List<String> args) {
        return shown(withArgumentsOnOneLine(message, args));
    }

    /**
     * The message with every line break it quotes from the command line shown as {@code ?}: a value given with a
     * newline in it ({@code --label $'ev\nent'}, a path, one element of {@code --models a,b}, a {@code --param}'s
     * value) was quoted whole and broke the message over three to five lines, where a message has one or two, its own.
     * Only the arguments' text (each whole, and its parts between commas and after an {@code =}) is changed, so a
     * message's own second line stays.
     */
    static String withArgumentsOnOneLine(String message, List<String> args) {
        if (message == null || args == null) {
            return message;
        }
        List<String> pieces = new ArrayList<>();
        for (String arg : args) {
            if (arg == null || arg.indexOf('\n') < 0 && arg.indexOf('\r') < 0) {
                continue;
            }
            pieces.add(arg);
            for (String part : arg.split("[,=]")) {
                pieces.add(part);
            }
        }
        pieces.removeIf(p -> p.indexOf('\n') < 0 && p.indexOf('\r') < 0);
        pieces.sort(java.util.Comparator.comparingInt(String::length).reversed()); // a whole before its parts
        String shown = message;
        for (String piece : pieces) {
            // a piece of line breaks alone (--label $'\n', the end of --models $'a,\n') would turn the message's own
            // line break into '?' too: only where it is quoted, as every message quotes a value ('x'); one quoted
            // otherwise would keep that line break
            String quoted = piece.replace("\r", "").replace("\n", "").isEmpty() ? "'" + piece + "'" : piece;
            shown = shown.replace(quoted, dev.rareclass.domain.error.Quoting.printable(quoted));
        }
        return shown;
    }

    /**
     * A message as shown on stderr: each of its (one or two) lines at most about {@link #MAX_LINE} characters, its
     * start and its end kept around a "…" (a message ends with the reason: a 900,000-character path given as the
     * report folder left only the path's start, and not why it could not be written).
     */
    static String shown(String message) {
        // Quoting.printable shows control characters a message quotes from its input (a column name from a file or a
        // forged model: ESC starts a terminal escape sequence) as '?'
        return message == null ? "" : message.lines().map(l -> dev.rareclass.domain.error.Quoting.printable(
                l.length() <= MAX_LINE ? l : l.substring(0, MAX_LINE * 2 / 3) + "…" + l.substring(l.length() - MAX_LINE / 3)))
                .collect(java.util.stream.Collectors.joining(System.lineSeparator()));
    }

    private static int onParameterError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        String mistyped = mistyped(e);
        if (mistyped != null) {
            err.println("rareclass: " + shown(mistyped, List.of(args)));
            err.flush();
            return EX_USAGE;
        }
        err.println("rareclass: " + shown(e.getMessage(), List.of(args)));
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return EX_USAGE;
    }

    /**
     * "Did you mean" for a mistyped command or option, as one line, when a name is close to it (see
     * {@link ClosestNames}); null otherwise. A mistyped option is also found behind a missing required option (picocli
     * reports that first: {@code --scroe p} for {@code --score p}). An unknown command without a close name is
     * still named, with the usual hint to ask for help.
     */
    static String mistyped(CommandLine.ParameterException e) {
        CommandLine cl = e.getCommandLine();
        List<String> unmatched = e instanceof CommandLine.UnmatchedArgumentException u ? u.getUnmatched()
                : cl.getUnmatchedArguments();
        if (unmatched == null || unmatched.isEmpty()) {
            return null;
        }
        String first = unmatched.getFirst();
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        String where = spec.qualifiedName(" ");
        String path = where.contains(" ") ? where.substring(where.indexOf(' ') + 1) + " " : "";
        if (first.startsWith("-")) {
            String option = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            List<String> names = new ArrayList<>();
            spec.options().stream().filter(o -> !o.hidden()).forEach(o -> names.addAll(List.of(o.names())));
            List<String> close = option.startsWith("--") ? ClosestNames.closest(option, names) : List.of();
            return close.isEmpty() ? null : "unknown option '" + option + "' for '" + where + "'; did you mean "
                    + ClosestNames.quoted(close) + "?";
        }
        if (!(e instanceof CommandLine.UnmatchedArgumentException) || cl.getSubcommands().isEmpty()
                || !spec.positionalParameters().isEmpty()) {
            return null;
        }
        List<String> commands = new ArrayList<>();
        cl.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                commands.add(name);
            }
        });
        List<String> close = ClosestNames.closest(first, commands);
        if (close.isEmpty()) {
            return "unknown command '" + path + first + "'; see '" + where + " --help' for the commands";
        }
        return "unknown command '" + path + first + "'; did you mean "
                + ClosestNames.quoted(close.stream().map(c -> path + c).toList()) + "?";
    }

    private static int onExecutionError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean verbose = hasVerbose(parsed);
        if (e instanceof IoErrorException io && io.brokenPipe() && !verbose) {
            return IoErrorException.BROKEN_PIPE_EXIT; // the reader went away (| head): quiet, as SIGPIPE
        }
        if (e instanceof RareclassException user) {
            err.println("rareclass: " + shown(user.getMessage(), parsed == null ? null : parsed.originalArgs()));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return user.exitCode();
        }
        if (e.getCause() instanceof OutOfMemoryError) {
            err.println(OUT_OF_MEMORY);
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
