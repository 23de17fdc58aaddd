package dev.rareclass.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The one-line message for a run that ran out of heap: how much heap this JVM had, an estimate of what the
 * input needs, and the {@code -Xmx} to use. The estimate must be enough when followed (a slow test follows it),
 * so it errs high:
 * <ul>
 *   <li>the data: the readers keep every numeric cell as a float32 in arrays that grow by doubling while
 *       streaming, so a numeric table takes up to about the size of its text while being read, and training
 *       copies it once more: 3× the input file's size (gzip inputs count 5× their compressed size);</li>
 *   <li>fully grown random forests, the one model whose size grows with the rows rather than the columns: about
 *       15 bytes per training row and tree were measured live after a full GC (64,000 rows × 200 trees:
 *       180-210 MB), counted as 24 (every row of the file, and room for the collector), for every fit that runs
 *       at once ({@code --jobs}, default the cores, in the commands that cross-validate). Without this term the
 *       advice after a forest on 300,000 rows × 12 columns ran out, 384m, was not enough (768m was);</li>
 *   <li>128 MiB of working room (the application and its libraries ran a three-model compare of 2,000 rows in
 *       a 16 MiB heap);</li>
 * </ul>
 * and never less than twice the heap that just failed. Files named after an output option ({@code --out},
 * {@code --report}, {@code --json}, {@code --plots}) are outputs, not inputs, even when they exist.
 */
final class HeapAdvice {

    private static final long MIB = 1L << 20;
    private static final long WORKING_ROOM = 128 * MIB;
    private static final long FOREST_BYTES_PER_ROW_AND_TREE = 24;
    private static final int DEFAULT_TREES = 100;
    private static final Set<String> OUTPUT_OPTIONS = Set.of("--out", "--report", "--json", "--plots", "-o");
    private static final Set<String> CROSS_VALIDATING = Set.of("compare", "tune", "demo");

    private HeapAdvice() {
    }

    static String message(String[] args, long maxHeap) {
        Input input = largestInput(args);
        long forest = forestBytes(args, input);
        long needed = Math.max(2 * maxHeap, input.size() > 0 ? 3 * input.size() + WORKING_ROOM + forest : 0);
        String xmx = xmx(needed);
        StringBuilder sb = new StringBuilder("rareclass: out of memory: the data needs more heap than the ")
                .append(mib(maxHeap)).append(" this JVM has");
        if (input.size() > 0) {
            sb.append(" (the input is ").append(mib(input.size())).append(", about ").append(mib(needed)).append(" needed");
            if (forest > 0) {
                sb.append(", ").append(mib(forest)).append(" of it for random forests of about ")
                        .append(String.format(Locale.ROOT, "%,d", input.rows())).append(" rows");
            }
            sb.append(")");
        }
        sb.append("; run with JAVA_OPTS=-Xmx").append(xmx);
        return sb.toString();
    }

    /**
     * The largest input: its size (gzip counted 5×) and its rows, estimated from the lines in its first MiB.
     *
     * @param size bytes, 0 when no input was found
     * @param rows lines, estimated
     */
    record Input(long size, long rows) {
        static final Input NONE = new Input(0, 0);
    }

    /** The largest existing regular file named on the command line as an input (gzip counted 5×). */
    static Input largestInput(String[] args) {
        Path largest = null;
        long largestSize = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (OUTPUT_OPTIONS.contains(a)) {
                i++; // its value is an output
                continue;
            }
            if (a.startsWith("-") || a.isEmpty()) {
                continue;
            }
            try {
                Path p = Path.of(a);
                if (Files.isRegularFile(p)) {
                    long size = Files.size(p) * (gzip(p) ? 5 : 1);
                    if (size > largestSize) {
                        largest = p;
                        largestSize = size;
                    }
                }
            } catch (RuntimeException | IOException e) {
                // not a path: ignore
            }
        }
        return largest == null ? Input.NONE : new Input(largestSize, rows(largest, largestSize));
    }

    /** Rows estimated from the lines in the first MiB of the (gunzipped) file, scaled to its size. */
    private static long rows(Path p, long size) {
        byte[] buffer = new byte[1 << 16];
        long bytes = 0;
        long lines = 0;
        try (InputStream raw = Files.newInputStream(p);
             InputStream in = gzip(p) ? new GZIPInputStream(raw) : raw) {
            for (int n; bytes < MIB && (n = in.read(buffer)) > 0; bytes += n) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return bytes == 0 ? 0 : Math.max(lines, (long) Math.ceil(lines * (double) size / bytes));
    }

    /** Memory for the random forests the command fits, or 0 when it fits none. */
    static long forestBytes(String[] args, Input input) {
        List<String> words = List.of(args);
        int trees = DEFAULT_TREES;
        boolean forest = false;
        int jobs = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = a.contains("=") && a.startsWith("--") ? a.substring(a.indexOf('=') + 1)
                    : i + 1 < args.length ? args[i + 1] : "";
            String option = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            switch (option) {
                case "--model", "--models" -> {
                    for (String m : value.split(",")) {
                        forest |= m.strip().equals("random-forest") || m.strip().startsWith("random-forest@");
                    }
                }
                case "--param" -> {
                    String[] kv = value.split("=", 2);
                    if (kv.length == 2 && (kv[0].equals("trees") || kv[0].equals("random-forest.trees"))) {
                        trees = parse(kv[1], trees);
                    }
                }
                case "--jobs" -> jobs = parse(value, jobs);
                default -> {
                }
            }
        }
        if (!forest || input.rows() == 0) {
            return 0;
        }
        String command = words.stream().filter(w -> !w.startsWith("-")).findFirst().orElse("");
        int atOnce = CROSS_VALIDATING.contains(command) ? Math.max(1, jobs) : 1;
        return input.rows() * trees * FOREST_BYTES_PER_ROW_AND_TREE * atOnce;
    }

    private static int parse(String s, int fallback) {
        try {
            return Math.max(1, Integer.parseInt(s.strip()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean gzip(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gz") || name.endsWith(".tgz");
    }

    static String xmx(long bytes) {
        long mib = (bytes + MIB - 1) / MIB;
        if (mib >= 1024) {
            return ((mib + 1023) / 1024) + "g";
        }
        return (((mib + 63) / 64) * 64) + "m";
    }

    private static String mib(long bytes) {
        long mib = (bytes + MIB / 2) / MIB;
        return mib >= 10 * 1024 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30)) : mib + " MiB";
    }
}
