package dev.rareclass.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one-line message for a run that ran out of heap: how much heap this JVM had, an estimate of what the
 * input needs, and the {@code -Xmx} to use. The estimate is deliberately generous: the readers keep every
 * numeric cell as a float32 in arrays that grow by doubling while streaming, so a numeric table takes up to
 * about the size of its text while being read, and training copies it once more; 3× the input file's size
 * (gzip inputs count 5× their compressed size) plus 256 MiB of working room, and never less than twice the
 * heap that just failed.
 */
final class HeapAdvice {

    private static final long MIB = 1L << 20;

    private HeapAdvice() {
    }

    static String message(String[] args, long maxHeap) {
        long input = largestInput(args);
        long needed = Math.max(2 * maxHeap, input > 0 ? 3 * input + 256 * MIB : 0);
        String xmx = xmx(needed);
        StringBuilder sb = new StringBuilder("rareclass: out of memory: the data needs more heap than the ")
                .append(mib(maxHeap)).append(" this JVM has");
        if (input > 0) {
            sb.append(" (the input is ").append(mib(input)).append(", about ").append(mib(needed)).append(" needed)");
        }
        sb.append("; run with JAVA_OPTS=-Xmx").append(xmx);
        return sb.toString();
    }

    /** The largest existing regular file named on the command line (gzip counted 5×), or 0. */
    static long largestInput(String[] args) {
        long largest = 0;
        for (String a : args) {
            if (a.startsWith("-") || a.isEmpty()) {
                continue;
            }
            try {
                Path p = Path.of(a);
                if (Files.isRegularFile(p)) {
                    long size = Files.size(p);
                    if (a.toLowerCase(Locale.ROOT).endsWith(".gz")) {
                        size *= 5;
                    }
                    largest = Math.max(largest, size);
                }
            } catch (RuntimeException | java.io.IOException e) {
                // not a path: ignore
            }
        }
        return largest;
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
