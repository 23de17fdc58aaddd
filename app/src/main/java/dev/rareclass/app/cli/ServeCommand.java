package dev.rareclass.app.cli;

import dev.rareclass.app.serve.InferenceServer;
import dev.rareclass.app.serve.ServedModel;
import dev.rareclass.app.serve.Serving;
import dev.rareclass.app.serve.StopSignals;
import dev.rareclass.domain.error.IoReason;
import dev.rareclass.domain.error.UsageException;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rareclass serve}: models over HTTP on the Open Inference Protocol (KServe V2). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve one or more model files over HTTP on the Open Inference Protocol (KServe V2 REST): "
                + "GET /v2/health/live, /v2/health/ready, /v2/models/NAME; POST /v2/models/NAME/infer with one input "
                + "per column (or a text/csv or text/tab-separated-values body with a header row), answering the "
                + "outputs p (score) and predicted (0/1 at the model's threshold), with reason codes on request (?reasons=K or parameters.reasons). "
                + "Prometheus metrics at /metrics.",
                "Binds to loopback unless --host says otherwise. SIGTERM or Ctrl-C stops accepting, finishes the "
                + "requests in flight and exits 0."})
final class ServeCommand extends CliCommand {

    @Parameters(arity = "1..*", paramLabel = "MODEL", description = "Model files written by train or tune --out (or a tuning recipe's model.rareclass).")
    List<Path> modelFiles;

    @Option(names = "--name", paramLabel = "NAME", description = "The URL name of each model, in the order the "
            + "files are given (default: the file name without its extension): up to 128 letters, digits, '.', '_' "
            + "and '-', starting with a letter or digit.")
    List<String> names = new ArrayList<>();

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for all; "
                    + "::1 or [::1] for IPv6).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "The port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one and prints it).")
    int port;

    @Option(names = "--max-body", paramLabel = "SIZE", defaultValue = "16MiB",
            description = "The largest request body accepted, such as 16MiB, 512KiB or 1000000 (default: "
                    + "${DEFAULT-VALUE}, or a hundredth of the heap when that is less); larger ones get 413.")
    String maxBody;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long a connection may stay silent and a body may take to arrive (408 after it), and how "
                    + "long stopping waits for requests in flight: 0.001 to 86400 (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "64",
            description = "Most requests scored at once (default: ${DEFAULT-VALUE}); more wait in the queue, while "
                    + "health, metadata and metrics requests are answered on threads beyond these.")
    int threads;

    private final Serving serving;

    @Inject
    ServeCommand(Serving serving) {
        this.serving = serving;
    }

    @Override
    public Integer call() throws Exception {
        InferenceServer.Settings settings = settings();
        List<ServedModel> served = serving.load(modelFiles, names);
        InferenceServer server = serving.server(served, settings, line -> {
            System.err.println(line);
            System.err.flush();
        });
        StopSignals signals = new StopSignals();
        int bound;
        try {
            bound = server.start();
        } catch (java.io.IOException e) {
            server.stop();
            throw new UsageException("cannot listen on " + hostPort(settings.host(), port) + " (" + rootReason(e)
                    + "); choose another with --port or --host");
        }
        PrintWriter o = out();
        String base = base(settings.host(), bound);
        for (ServedModel m : served) {
            o.printf(Locale.ROOT, "Serving %s (%s) from %s at %s/v2/models/%s/infer%n", m.name(),
                    m.summary(Show::threshold), m.file(), base, m.name());
        }
        o.printf(Locale.ROOT, "Listening on %s (SIGTERM or Ctrl-C stops)%n", base);
        o.flush();
        if (o.checkError() | System.out.checkError()) {
            // stdout closed or full: the address (the port --port 0 chose) is lost, and the server ran until stopped
            // only to exit 74 then, its graceful stop looking like a failure
            server.stop();
            spec.commandLine().getErr().println("rareclass serve: not serving: standard output cannot take the "
                    + "address it listens on");
            spec.commandLine().getErr().flush();
            return StandardOutput.EX_IOERR;
        }
        String signal = signals.await();
        spec.commandLine().getErr().printf("rareclass serve: %s received, finishing requests in flight%n", signal);
        spec.commandLine().getErr().flush();
        boolean finished = server.stop();
        // to stderr, like the line above: nothing goes to stdout after start-up, so a supervisor that closed it
        // before stopping the server still sees exit 0
        spec.commandLine().getErr().println(finished ? "rareclass serve: stopped" : String.format(Locale.ROOT,
                "rareclass serve: stopped; requests still running after --timeout %s s were cut off",
                settings.timeoutMillis() / 1000.0));
        spec.commandLine().getErr().flush();
        return 0;
    }

    private InferenceServer.Settings settings() {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port " + port + " is not a port number (0 to 65535)");
        }
        // Jetty counts in whole milliseconds and reads 0 as "never": --timeout 0.0001 turned every timeout off
        if (!(timeoutSeconds >= 0.001) || timeoutSeconds > 86400) {
            // the value as given: Java's form of it was 1.0E-4 for 0.0001
            throw new UsageException("--timeout must be a number of seconds from 0.001 to 86400, not "
                    + spec.commandLine().getParseResult().matchedOption("--timeout").originalStringValues().get(0));
        }
        if (threads < 8 || threads > 4096) {
            // Jetty keeps a few threads for accepting and selecting connections
            throw new UsageException("--threads must be between 8 and 4096, not " + threads);
        }
        long body = byteSize(maxBody);
        long heap = Runtime.getRuntime().maxMemory();
        long fits = InferenceServer.largestBodyFor(heap);
        if (body > fits) {
            // a JSON body's tree takes up to about a hundred times its size: on a small heap a few of the default
            // size at once left the server in back-to-back full collections, answering nothing, deaf to SIGTERM
            boolean given = spec.commandLine().getParseResult().hasMatchedOption("--max-body");
            if (!given) {
                body = fits;
            }
            spec.commandLine().getErr().printf(Locale.ROOT, "%s: a JSON body takes up to %d times its size in heap "
                    + "while it is read, and this JVM has %d MiB (raise it with JAVA_OPTS=-Xmx...)%n", given
                    ? "warning: --max-body " + maxBody + " is more than this heap can read"
                    : "note: --max-body lowered to " + (body >> 10) + " KiB", InferenceServer.HEAP_PER_BODY_BYTE,
                    heap >> 20);
            spec.commandLine().getErr().flush();
        }
        return new InferenceServer.Settings(address(host), port, body, Math.round(timeoutSeconds * 1000), threads);
    }

    /**
     * The address {@code --host} names, as the server is given it: {@code [::1]} (as in a URL) is {@code ::1}.
     * Refused here, before any model is loaded: an empty one (the JDK reads it as loopback, and the URLs printed were
     * {@code http://:8080}), and one that is no address nor a known host name (Jetty's "Failed to bind to
     * nosuchhost/<unresolved>:8080").
     */
    static String address(String host) {
        String h = host.strip();
        if (h.length() > 2 && h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.isEmpty()) {
            throw new UsageException("--host is empty; give an address such as 127.0.0.1 (this machine only) or "
                    + "0.0.0.0 (all)");
        }
        String advice = h.contains("://") ? "; give an address, not a URL"
                : h.matches(".*[^:]:[0-9]+") && !h.matches("[0-9A-Fa-f:]+") ? "; give the port with --port" : "";
        try {
            java.net.InetAddress.getByName(h);
        } catch (java.net.UnknownHostException | SecurityException e) {
            throw new UsageException("--host '" + host + "' is not an address or a known host name" + advice);
        }
        return h;
    }

    /** The server's URL for an address and port. */
    static String base(String address, int port) {
        return "http://" + hostPort(address, port);
    }

    /** An address and port as a URL writes them: an IPv6 address in brackets ({@code [::1]:8080}). */
    static String hostPort(String address, int port) {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    /**
     * Why binding failed, in the operating system's words ("address already in use", "cannot assign requested
     * address" for an address of another machine): Jetty's own message only says "Failed to bind to /127.0.0.1:80".
     */
    static String rootReason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return IoReason.of(t.getMessage() == null || t.getMessage().isBlank() ? e : t);
    }

    /** A size such as 16MiB, 512KiB, 2GiB or a plain number of bytes (MB, KB, GB are read as powers of 1024 too). */
    static long byteSize(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\s*([0-9]+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?\\s*")
                .matcher(text);
        if (!m.matches()) {
            throw new UsageException("--max-body '" + text + "' is not a size such as 16MiB, 512KiB or 1000000");
        }
        // any number of digits is a size, and one of over 12 (past a long with 20) is out of range like 3GiB
        String digits = m.group(1).replaceFirst("^0+(?=.)", "");
        long n = digits.length() > 12 ? Long.MAX_VALUE : Long.parseLong(digits);
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        int shift = switch (unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        if (n == 0 || n > (Integer.MAX_VALUE - 8L) >> shift) {
            throw new UsageException("--max-body must be above 0 and below 2GiB, not '" + text + "'");
        }
        return n << shift;
    }
}
