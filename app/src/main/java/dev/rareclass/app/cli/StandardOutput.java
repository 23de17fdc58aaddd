package dev.rareclass.app.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Standard output that remembers why a write failed. {@link PrintStream} swallows write errors, so a command
 * printing to a closed or full stdout ({@code score --json > /dev/full}) would exit 0 with its results lost;
 * {@link #verified} finds that out after the command and the command line exits 74 (EX_IOERR) instead; a reader
 * that went away ({@code | head}, a broken pipe) ends it quietly with 141, as SIGPIPE ends other tools.
 */
public final class StandardOutput {

    static final int EX_IOERR = 74;

    private static volatile Recording recording;

    private StandardOutput() {
    }

    /** Replaces {@code System.out} with a stream over file descriptor 1 that records its first failure. */
    public static void install() {
        Charset charset = System.out.charset();
        Recording r = new Recording(new FileOutputStream(FileDescriptor.out));
        recording = r;
        System.setOut(new PrintStream(r, false, charset));
    }

    /**
     * Flushes the command's output writer and {@code System.out}; when either failed, says so on {@code err}
     * and turns a successful exit code into 74.
     */
    static int verified(int exitCode, PrintWriter out, PrintWriter err) {
        boolean failed = out.checkError();
        failed |= System.out.checkError();
        if (!failed) {
            return exitCode;
        }
        Recording r = recording;
        String why = r == null || r.failure == null ? "write error" : r.failure;
        if (why.contains("broken pipe")) {
            return exitCode == 0 ? dev.rareclass.domain.error.IoErrorException.BROKEN_PIPE_EXIT : exitCode;
        }
        err.println("rareclass: standard output: cannot write (" + why + "); the output is lost");
        err.flush();
        return exitCode == 0 ? EX_IOERR : exitCode;
    }

    private static final class Recording extends FilterOutputStream {
        private volatile String failure;

        Recording(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        private IOException remember(IOException e) {
            if (failure == null) {
                String m = e.getMessage() == null ? "write error" : e.getMessage();
                failure = m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
            }
            return e;
        }
    }
}
