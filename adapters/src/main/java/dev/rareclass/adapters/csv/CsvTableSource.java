package dev.rareclass.adapters.csv;

import dev.rareclass.adapters.format.DataOptionsStep;
import dev.rareclass.adapters.format.FormatTableSource;
import dev.rareclass.adapters.format.ParsedTableSource;
import dev.rareclass.adapters.format.RawTable;
import dev.rareclass.adapters.format.TextRows;
import dev.rareclass.domain.data.Tokens;
import dev.rareclass.adapters.io.InputFiles;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordWrapper;
import de.siegmar.fastcsv.util.Limits;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.PositiveValues;
import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.preprocess.MissingPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads delimited text tables (CSV, TSV; {@code .gz} transparently) with FastCSV, streaming rows
 * straight into typed columns (a number's characters go to the parser without a String made of them) (see {@link TextRows} for how types are decided; the data options are
 * applied by {@link DataOptionsStep}, as for every format). Handles a UTF-8 byte-order mark, CRLF line ends and quoted fields.
 * Without a header, columns are named by their 0-based index ({@code "0"}, {@code "1"}, ...), so
 * {@code --label 34} means the same with or without one. A large file (of two parts of {@link Chunks#DEFAULT_SIZE} or
 * more) is read in parts by as many threads as there are cores, up to four, with the same outcome to the value and the
 * message ({@link Parallel}): on 2 cores the 200,000 x 31 benchmark table read in 0.23 s instead of 0.31 s once warm.
 *
 * <p>Every problem is reported as a {@link DataException} naming the file, the line and the column.
 */
public final class CsvTableSource extends ParsedTableSource {

    /** Threads that split the fields of a large file's parts at once, and the bytes in a part ({@link Chunks}). */
    private final int parts;
    private final int chunkSize;

    public CsvTableSource() {
        this(Math.min(4, Runtime.getRuntime().availableProcessors()), Chunks.DEFAULT_SIZE);
    }

    /** A reader that reads files of two parts or more ({@code chunkSize} bytes each) on {@code parts} threads. */
    CsvTableSource(int parts, int chunkSize) {
        super("CSV", Optional.empty());
        this.parts = parts;
        this.chunkSize = chunkSize;
    }

    @Override
    public LabelledScores readScores(DataOptions options, String scoreColumn) {
        if (options.label().isEmpty() || options.positive().isEmpty()) {
            throw new UsageException("score needs --label and --positive");
        }
        String file = options.file().toString();
        RowHandler handler = new RowHandler(file);
        try (CsvReader<RowBatch> reader = open(options, handler)) {
            Rows rows = new Rows(reader, handler, options);
            int label = DataOptionsStep.column(file, rows.names, options.label().get(), "label");
            int score = DataOptionsStep.column(file, rows.names, scoreColumn, "score");
            String positive = options.positive().get().trim();
            PositiveValues positives = PositiveValues.parse(positive);
            int[] y = new int[1024];
            double[] s = new double[1024];
            int n = 0;
            Set<String> seen = new LinkedHashSet<>();
            // --missing drop: a row without its label or its score is left out, as dropna(subset=[label, score])
            boolean dropMissing = options.missing() == MissingPolicy.DROP;
            long dropped = 0;
            while (rows.fill()) {
                RowBatch batch = handler.batch;
                for (int r = 0; r < batch.rows; r++) {
                    batch.at(r);
                    if (n == y.length) {
                        y = Arrays.copyOf(y, n * 2);
                        s = Arrays.copyOf(s, n * 2);
                    }
                    String value = batch.text(label).trim();
                    if (dropMissing && (Tokens.isMissing(value) || Tokens.isMissing(batch.text(score).trim()))) {
                        dropped++;
                        continue;
                    }
                    if (Tokens.isMissing(value)) { // not a negative: a row whose truth is not known
                        throw DataException.at(file, batch.lines[batch.row], quoted(rows.names.get(label)),
                                "missing label; every row scored needs its true class (--missing drop leaves such "
                                        + "rows out)");
                    }
                    y[n] = positives.test(value) ? 1 : 0;
                    DataOptionsStep.remember(seen, value);
                    s[n] = score(file, batch, score, rows.names.get(score));
                    n++;
                }
                batch.clear();
            }
            rows.requireData();
            if (n == 0) {
                throw new DataException(file + ": every one of its " + dropped + " rows has a missing label or score "
                        + "(--missing drop left none to score)");
            }
            DataOptionsStep.requirePositivePresent(file, rows.names.get(label), positive, Arrays.stream(y, 0, n).sum(), seen);
            return new LabelledScores(file, LabelMapping.fromValues(rows.names.get(label), positive, seen),
                    Arrays.copyOf(y, n), Arrays.copyOf(s, n), dropped);
        } catch (IOException | UncheckedIOException e) {
            throw readFailure(file, e);
        }
    }

    /**
     * Streams the rows into {@link TextRows}, which reads only the columns the options keep. A row the
     * reader cannot deliver (a parse error, a ragged row, an I/O error) ends the rows in its place, so the
     * first bad line of the file is the one reported. A large regular file is read in parts ({@link Parallel}).
     */
    @Override
    protected RawTable parse(DataOptions options, TextRows.Start start) {
        RawTable table = parseRows(options, start);
        return options.header() ? DataOptionsStep.headerLooksLikeData(table.names()).map(table::withNote).orElse(table)
                : table;
    }

    private RawTable parseRows(DataOptions options, TextRows.Start start) {
        String file = options.file().toString();
        try {
            RawTable inParts = parts > 1 && Chunks.eligible(options.file()) ? inParts(options, start) : null;
            if (inParts != null) {
                return inParts;
            }
            RowHandler handler = new RowHandler(file);
            try (CsvReader<RowBatch> reader = open(options, handler)) {
                return whole(reader, handler, options, start, 0);
            }
        } catch (IOException | UncheckedIOException e) {
            throw readFailure(file, e);
        }
    }

    /**
     * The table read in parts ({@link Parallel}) from the file opened once, or null when it is not cut in parts (too
     * short, UTF-16/32) or cannot be opened (read in one part then, which says why).
     */
    private RawTable inParts(DataOptions options, TextRows.Start start) throws IOException {
        java.nio.channels.FileChannel channel;
        try {
            channel = java.nio.channels.FileChannel.open(options.file());
        } catch (IOException e) {
            return null;
        }
        try (channel) {
            long[] cuts = Chunks.plan(channel, chunkSize);
            if (cuts == null) {
                return null;
            }
            try (Parallel parallel = new Parallel(options, channel, cuts, parts)) {
                return parallel.read(start);
            }
        }
    }

    /**
     * The whole table of {@code reader} (the file from its start) in one part: its first row read as the header (or as
     * the first data row), the columns started from it, the first {@code skip} data rows left out (taken already).
     */
    private static RawTable whole(CsvReader<RowBatch> reader, RowHandler handler, DataOptions options,
                                  TextRows.Start start, long skip) {
        Rows rows = new Rows(reader, handler, options);
        TextRows columns = start.columns(rows.names);
        feed(rows, columns, skip);
        if (!columns.stopped()) {
            rows.requireData();
        }
        return columns.table(List.of());
    }

    /**
     * Reads the rows of {@code rows} (a second thread splitting the fields, see {@link Prefetched}) into
     * {@code columns}, leaving out the first {@code skip} data rows (taken already); a failure ends the rows.
     */
    private static void feed(Rows rows, TextRows columns, long skip) {
        try (Prefetched prefetched = new Prefetched()) {
            prefetched.start(rows);
            boolean reading = true;
            while (reading) {
                RowBatch batch;
                try {
                    batch = prefetched.next();
                } catch (UncheckedIOException e) {
                    columns.fail(readFailure(rows.file, e));
                    break;
                } catch (RuntimeException e) {
                    columns.fail(e);
                    break;
                }
                if (batch == null) {
                    break;
                }
                int from = (int) Math.min(batch.rows, skip);
                skip -= from;
                for (int r = from; r < batch.rows && reading; r++) {
                    reading = columns.row(batch.lines[r], batch.at(r));
                }
                prefetched.recycle(batch);
            }
        }
    }

    /** Rows in one batch: at most this many (the reading thread hands over a batch at a time). */
    private static final int BATCH = 512;

    /** Fields in one batch: a batch of a wide table ends once it holds this many (and at least one row). */
    private static final int BATCH_FIELDS = 1 << 15;

    /**
     * Rows as FastCSV delivers their fields: every field's characters copied into one array, with its bounds,
     * its value when it is a plain decimal, and each row's line, so a row costs no String (and no object at all)
     * until a column asks for its text.
     * {@link #at} chooses the row that {@link #text} and {@link #plainNumber} read. A batch is reused once
     * read ({@link Prefetched#recycle}), so reading a large table makes almost no garbage.
     */
    private static final class RowBatch implements TextRows.Fields {
        private char[] chars = new char[1 << 15];
        private int[] starts = new int[1 << 12];
        private int[] ends = new int[1 << 12];
        /** Each field as a plain decimal, or NaN: parsed by the reading thread, which has the time to spare. */
        private double[] numbers = new double[1 << 12];
        /** Row r's fields are {@code firstField[r] .. firstField[r + 1] - 1}; the row being read starts at firstField[rows]. */
        private int[] firstField = new int[BATCH + 2];
        final long[] lines = new long[BATCH + 1];
        /** Complete rows. */
        int rows;
        /** Characters and fields held, the row being read included. */
        private int charCount;
        private int fieldCount;
        private long pendingLine;
        /** The row {@link #text} reads. */
        private int row;

        void begin(long line) {
            fieldCount = firstField[rows];
            charCount = fieldCount == 0 ? 0 : ends[fieldCount - 1];
            pendingLine = line;
        }

        void field(char[] buf, int offset, int length) {
            if (charCount + length > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + length));
            }
            if (fieldCount == starts.length) {
                starts = Arrays.copyOf(starts, fieldCount * 2);
                ends = Arrays.copyOf(ends, fieldCount * 2);
                numbers = Arrays.copyOf(numbers, fieldCount * 2);
            }
            System.arraycopy(buf, offset, chars, charCount, length);
            numbers[fieldCount] = Tokens.plainDecimal(chars, charCount, charCount + length);
            starts[fieldCount] = charCount;
            charCount += length;
            ends[fieldCount++] = charCount;
        }

        /** The row read so far is complete. */
        void commit() {
            lines[rows++] = pendingLine;
            firstField[rows] = fieldCount;
        }

        /** Forgets the last complete row (a ragged one, reported instead). */
        void dropLast() {
            rows--;
            begin(lines[rows]);
        }

        void clear() {
            rows = 0;
            begin(0);
        }

        int fieldCount(int r) {
            return firstField[r + 1] - firstField[r];
        }

        /** Whether row {@code r}'s fields hold the character {@code c}. */
        boolean holds(int r, char c) {
            for (int i = starts[firstField[r]]; i < ends[firstField[r + 1] - 1]; i++) {
                if (chars[i] == c) {
                    return true;
                }
            }
            return false;
        }

        RowBatch at(int r) {
            row = r;
            return this;
        }

        @Override
        public String text(int c) {
            int f = firstField[row] + c;
            return new String(chars, starts[f], ends[f] - starts[f]);
        }

        @Override
        public double plainNumber(int c) {
            return numbers[firstField[row] + c];
        }
    }

    /**
     * FastCSV's callbacks for one record, appended to the current batch; an empty line (skipped) leaves none.
     * Holds records to FastCSV's own limits of characters in a field and in a record (its {@link Limits}), refusing one
     * beyond them with FastCSV's words, as its own record handler does, and to the columns every reader allows
     * ({@code ColumnLimit}; FastCSV's own handler stops at 16,384 fields).
     */
    private static final class RowHandler extends AbstractBaseCsvCallbackHandler<RowBatch> {
        private final String file;
        RowBatch batch = new RowBatch();
        private long recordSize;
        /**
         * Whether the last field read was quoted and ends in a line break: what a part's last field looks like when the
         * part was cut inside a quoted field that runs over lines (FastCSV ends it at the end of the input).
         */
        boolean lastFieldOpen;
        /** Whether the last field read was quoted, and the line its record began on. */
        private boolean lastFieldQuoted;
        private long lastRecordLine;
        /** The bytes read, when they run to the end of the file (its last record is read here), else null. */
        TextBytes tail;

        RowHandler(String file) {
            this.file = file;
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            batch.begin(startingLineNumber);
            recordSize = 0;
            lastRecordLine = startingLineNumber;
        }

        /**
         * Refuses a file whose last field opens with a quote that never closes: FastCSV ends it at the end of the
         * input, so every line after the quote was read into that one field and the rows on them were lost without
         * a word (a closed one is followed by its '"', and by nothing but line breaks at the end of the file).
         */
        void requireClosedAtTheEnd() {
            if (tail != null && lastFieldQuoted && tail.lastContentByte() >= 0 && tail.lastContentByte() != '"') {
                throw DataException.at(file, lastRecordLine, null, "a quoted field opened here never closes: every "
                        + "line after its '\"' was read into it (close the quote, or write a '\"' inside a field as '\"\"')");
            }
        }

        @Override
        protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
            if (fieldIdx >= dev.rareclass.adapters.format.ColumnLimit.MAX_COLUMNS) {
                throw dev.rareclass.adapters.format.ColumnLimit.exceeded(file, getStartingLineNumber());
            }
            if (len > Limits.MAX_FIELD_SIZE) {
                throw DataException.at(file, getStartingLineNumber(), null, String.format(Locale.ROOT,
                        "field %d is over %,d characters long, the most a field may have (a quote that never closes?)",
                        fieldIdx + 1, Limits.MAX_FIELD_SIZE));
            }
            lastFieldOpen = quoted && len > 0 && (buf[offset + len - 1] == '\n' || buf[offset + len - 1] == '\r');
            lastFieldQuoted = quoted;
            recordSize += len;
            if (recordSize > Limits.MAX_RECORD_SIZE) {
                throw DataException.at(file, getStartingLineNumber(), null, String.format(Locale.ROOT,
                        "the record is over %,d characters long, the most one may have (a quote that never closes?)",
                        Limits.MAX_RECORD_SIZE));
            }
            batch.field(buf, offset, len);
        }

        @Override
        protected RecordWrapper<RowBatch> buildRecord() {
            if (!isEmptyLine()) {
                batch.commit();
            }
            return wrapRecord(batch);
        }
    }

    /**
     * Pulls rows into the handler's batch, checks each has as many fields as the header, and turns parser
     * errors into data errors.
     */
    private static final class Rows {
        final String file;
        final CloseableRecords records;
        final RowHandler handler;
        final List<String> names;
        private final boolean quoteHint;
        private final boolean tabSeparated;
        private RuntimeException failure;
        private long dataRows;

        /** The rows of a part after the file's first ({@link Parallel}): no header, the columns {@code names}. */
        Rows(CsvReader<RowBatch> reader, RowHandler handler, DataOptions options, List<String> names) {
            this.file = options.file().toString();
            this.handler = handler;
            this.quoteHint = quoteHint(options);
            this.tabSeparated = tabSeparated(options);
            this.records = new CloseableRecords(reader, file);
            this.names = names;
        }

        private static boolean quoteHint(DataOptions options) {
            return !unquoted(options) && (options.delimiter().orElse(',') == '\t'
                    || format(options).map(f -> f.equals("tsv")).orElse(false));
        }

        private static boolean tabSeparated(DataOptions options) {
            return options.delimiter().orElse(',') == '\t'
                    || format(options).map(f -> f.equals("tsv") || f.equals("tab")).orElse(false);
        }

        /** Reads the first row: the header, or (without one) the first data row, left in the batch. */
        Rows(CsvReader<RowBatch> reader, RowHandler handler, DataOptions options) {
            this.file = options.file().toString();
            this.handler = handler;
            this.quoteHint = quoteHint(options);
            this.tabSeparated = tabSeparated(options);
            this.records = new CloseableRecords(reader, file);
            if (!records.next()) {
                throw new DataException(file + ": the file is empty");
            }
            RowBatch first = handler.batch.at(0);
            long line = first.lines[0];
            names = new ArrayList<>();
            java.util.BitSet unnamed = new java.util.BitSet();
            for (int c = 0; c < first.fieldCount(0); c++) {
                String name = options.header() ? first.text(c).trim() : "";
                if (name.indexOf('\uFFFD') >= 0) { // as for a category: pandas refuses such a file outright
                    throw DataException.at(file, line, quoted(name), "the column name holds bytes that are not UTF-8 "
                            + "text (shown as \uFFFD); save the file as UTF-8");
                }
                if (name.isEmpty() && options.header()) {
                    unnamed.set(c); // an empty header name (R's row-name column): named by its index, as without a header
                }
                names.add(name.isEmpty() ? String.valueOf(c) : name);
            }
            if (options.header()) {
                first.clear();
            } else {
                dataRows++;
            }
            Map<String, Integer> byName = new HashMap<>();
            for (int c = 0; c < names.size(); c++) {
                Integer previous = byName.putIfAbsent(names.get(c), c);
                if (previous != null) {
                    int empty = unnamed.get(c) ? c : unnamed.get(previous) ? previous : -1;
                    throw DataException.at(file, line, quoted(names.get(c)), empty < 0
                            ? "duplicate column name (columns " + previous + " and " + c + ", 0-based)"
                                    + (options.header() ? DataOptionsStep.shapeHint(names) : "")
                            : "column " + empty + " has an empty name, so it is named by its 0-based index, which column "
                                    + (empty == c ? previous : c) + " is named too; give the empty one a name");
                }
            }
        }

        /**
         * Reads rows into the batch until it holds {@link #BATCH} rows or {@link #BATCH_FIELDS} fields, or the
         * file ends; false when it holds none.
         * A failure (a ragged row, a parse or read error) ends the rows: the batch keeps the rows before it,
         * and the failure is thrown once they have been taken (by the next call).
         */
        boolean fill() {
            RowBatch batch = handler.batch;
            if (failure == null) {
                try {
                    boolean more = true;
                    while (batch.rows < BATCH && batch.fieldCount < BATCH_FIELDS && (more = records.next())) {
                        check(batch);
                    }
                    if (!more) {
                        handler.requireClosedAtTheEnd();
                    }
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (batch.rows == 0 && failure != null) {
                throw failure;
            }
            return batch.rows > 0;
        }

        private void check(RowBatch batch) {
            int r = batch.rows - 1;
            int fields = batch.fieldCount(r);
            if (fields != names.size()) {
                long line = batch.lines[r];
                boolean tabs = !tabSeparated && batch.holds(r, '\t');
                // a field that runs over lines was quoted: a '"' that never closes took the lines after it
                boolean lines = batch.holds(r, '\n');
                batch.dropLast();
                throw DataException.at(file, line, null,
                        "ragged row: " + fields + " fields where the header has " + names.size()
                                + (lines ? " (a quoted field runs on over the next lines: a '\"' that never closes?)"
                                : quoteHint ? " (if a field holds a stray '\"', read with --format tab, which has no quoting)"
                                : tabs ? " (the line holds tabs: a TAB-separated file reads "
                                + "with --format tab)" : ""));
            }
            dataRows++;
        }

        /** The filled batch, handing the handler {@code next} (emptied) to fill from now on. */
        RowBatch take(RowBatch next) {
            RowBatch full = handler.batch;
            next.clear();
            handler.batch = next;
            return full;
        }

        void requireData() {
            if (dataRows == 0) {
                throw new DataException(file + ": no data rows (only a header)");
            }
        }
    }

    /**
     * The rows of a {@link Rows}, read ahead on a second thread a batch at a time while the caller turns the
     * batch before into columns: FastCSV's tokenizing and the number parsing then overlap on two cores
     * ({@code describe} of 800,000 rows of 31 numbers: 4.25 s instead of 4.61 s). Order is kept, failures
     * included: a failure while reading ahead (a parse
     * error, a ragged row, an I/O error) is handed over after the rows before it and thrown to the caller
     * there, so the first bad line of the file is the one reported, whichever thread found it. Batches the
     * caller has read come back ({@link #recycle}) to be filled again.
     */
    private static final class Prefetched implements AutoCloseable {
        private static final Object END = new Object();
        private static final int QUEUED = 16;
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED);
        private final BlockingQueue<RowBatch> free = new ArrayBlockingQueue<>(QUEUED + 2);
        private volatile boolean closed;
        private Thread reader;
        private boolean ended;

        void start(Rows rows) {
            reader = Thread.ofPlatform().daemon().name("rareclass-csv-reader").start(() -> readAhead(rows));
        }

        private void readAhead(Rows rows) {
            try {
                try {
                    while (rows.fill()) {
                        RowBatch next = free.poll();
                        hand(rows.take(next != null ? next : new RowBatch()));
                    }
                    hand(END);
                } catch (RuntimeException | Error e) {
                    hand(e);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }

        /** Queues a batch (or the end, or a failure); once the caller has closed, stops the reading instead. */
        private void hand(Object item) throws InterruptedException {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new InterruptedException("closed");
                }
            }
            if (closed) {
                throw new InterruptedException("closed");
            }
        }

        /** The next batch of rows, or null after the last. */
        RowBatch next() {
            if (ended) {
                return null;
            }
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted while reading"));
            }
            if (item == END) {
                ended = true;
                return null;
            } else if (item instanceof RuntimeException e) {
                throw e;
            } else if (item instanceof Error e) {
                throw e;
            }
            return (RowBatch) item;
        }

        /** A batch the caller has read, to be filled again. */
        void recycle(RowBatch batch) {
            free.offer(batch);
        }

        /** Stops reading ahead (after a failure of the caller's) before the file is closed under it. */
        @Override
        public void close() {
            closed = true;
            if (reader != null) {
                reader.interrupt();
                try {
                    reader.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * A large file read in parts ({@link Chunks}) by several threads at once, each part by a FastCSV reader of its own,
     * and handed to the columns in the file's order. A part is handed over once read whole, and only when the part
     * before it ended where a record ends; when one did not (the cut fell inside a quoted field that runs over lines),
     * or a part failed (a ragged row, a NUL byte, a read error), the file is read again from its start in one part,
     * leaving out the rows handed over already, so that rows, line numbers and messages are those of a reading in one
     * part. Parts are read at most {@code threads} ahead of the one handed over, which bounds the memory held.
     */
    private static final class Parallel implements AutoCloseable {
        private final DataOptions options;
        private final String file;
        /** The file, opened once: every part and the reading again read it, even if another replaces it meanwhile. */
        private final java.nio.channels.FileChannel channel;
        private final long[] cuts;
        private final int threads;
        private final Part[] parts;
        private final List<Thread> workers = new ArrayList<>();
        private final java.util.concurrent.ConcurrentLinkedQueue<RowBatch> free =
                new java.util.concurrent.ConcurrentLinkedQueue<>();
        /** Guards {@link #handing}: the part the columns take now; a worker waits to read a part too far ahead. */
        private final Object window = new Object();
        private int handing;
        private volatile boolean closed;

        /** One part once read: its batches, and its failure or how it ended. */
        private static final class Part {
            final List<RowBatch> batches = new ArrayList<>();
            final java.util.concurrent.CountDownLatch read = new java.util.concurrent.CountDownLatch(1);
            RuntimeException failure;
            /** An error of the JVM's (out of memory): thrown to the caller as it is, not read again. */
            Error error;
            boolean openAtEnd;
            long lineBreaks;
            long loneCr;
        }

        Parallel(DataOptions options, java.nio.channels.FileChannel channel, long[] cuts, int threads) {
            this.options = options;
            this.file = options.file().toString();
            this.channel = channel;
            this.cuts = cuts;
            this.threads = threads;
            this.parts = new Part[cuts.length - 1];
            for (int p = 0; p < parts.length; p++) {
                parts[p] = new Part();
            }
        }

        RawTable read(TextRows.Start start) throws IOException {
            RowHandler handler = new RowHandler(file);
            TextBytes bytes = new TextBytes(Chunks.range(channel, cuts[0], cuts[1]), file, true,
                    cuts[1] == channel.size());
            try (CsvReader<RowBatch> reader = open(options, handler, bytes, true)) {
                Rows first = new Rows(reader, handler, options);
                if (handler.lastFieldOpen) {
                    // a quoted column name over lines that runs on past the first cut: the header was cut short there
                    return inOnePart(start, 0);
                }
                TextRows columns = start.columns(first.names);
                for (int t = 0; t < threads; t++) {
                    int from = t;
                    workers.add(Thread.ofPlatform().daemon().name("rareclass-csv-part-" + t)
                            .start(() -> work(from, first, bytes)));
                }
                long lineBreaks = 0; // before the part handed over
                long handed = 0;
                for (int p = 0; p < parts.length; p++) {
                    Part part = await(p);
                    if (part.error != null) {
                        throw part.error;
                    }
                    // a part is taken apart from the others only when its bounds and lines are sure: not after a
                    // failure (read again, the first one is reported with its line), not cut inside a quoted field,
                    // and with no lone CR (see TextBytes#loneCarriageReturns)
                    if (part.failure != null || (p < parts.length - 1 && part.openAtEnd) || part.loneCr > 0) {
                        close();
                        return inOnePart(names -> columns, handed);
                    }
                    for (RowBatch batch : part.batches) {
                        for (int r = 0; r < batch.rows; r++) {
                            handed++;
                            if (!columns.row(lineBreaks + batch.lines[r], batch.at(r))) {
                                return columns.table(List.of());
                            }
                        }
                        free.add(batch);
                    }
                    part.batches.clear();
                    lineBreaks += part.lineBreaks;
                    synchronized (window) {
                        handing = p + 1;
                        window.notifyAll();
                    }
                }
                if (channel.size() != cuts[cuts.length - 1]) { // written to while read: read as it is now
                    close();
                    return inOnePart(names -> columns, handed);
                }
                if (handed == 0) {
                    first.requireData();
                }
                return columns.table(List.of());
            }
        }

        /**
         * The whole file read again in one part, from the channel every part read: into the columns {@code start}
         * gives, the first {@code handed} data rows left out.
         */
        private RawTable inOnePart(TextRows.Start start, long handed) throws IOException {
            RowHandler handler = new RowHandler(file);
            TextBytes bytes = new TextBytes(Chunks.range(channel, 0, channel.size()), file, true, true);
            try (CsvReader<RowBatch> reader = open(options, handler, bytes, true)) {
                return whole(reader, handler, options, start, handed);
            }
        }

        private Part await(int p) {
            try {
                parts[p].read.await();
                return parts[p];
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted while reading"));
            }
        }

        /** Worker {@code t}: reads parts t, t + threads, ... (part 0 through the header's reader) until one fails. */
        private void work(int t, Rows first, TextBytes firstBytes) {
            for (int p = t; p < parts.length; p += threads) {
                Part part = parts[p];
                try {
                    if (!inWindow(p)) {
                        return;
                    }
                    if (p == 0) {
                        readPart(first, firstBytes, part);
                    } else {
                        TextBytes bytes = new TextBytes(Chunks.range(channel, cuts[p], cuts[p + 1]), file, false,
                                cuts[p + 1] == channel.size());
                        RowHandler handler = new RowHandler(file);
                        try (CsvReader<RowBatch> reader = open(options, handler, bytes, false)) {
                            readPart(new Rows(reader, handler, options, first.names), bytes, part);
                        }
                    }
                } catch (IOException | UncheckedIOException e) {
                    part.failure = readFailure(file, e);
                } catch (RuntimeException e) {
                    part.failure = e;
                } catch (Error e) {
                    part.error = e;
                } finally {
                    part.read.countDown();
                }
                if (part.failure != null || part.error != null) {
                    return;
                }
            }
        }

        /** Whether part {@code p} may be read now, waiting until it may; false once closed. */
        private boolean inWindow(int p) {
            synchronized (window) {
                while (!closed && p > handing + threads) {
                    try {
                        window.wait();
                    } catch (InterruptedException e) {
                        return false;
                    }
                }
                return !closed;
            }
        }

        private void readPart(Rows rows, TextBytes bytes, Part part) {
            while (!closed && rows.fill()) {
                RowBatch next = free.poll();
                part.batches.add(rows.take(next != null ? next : new RowBatch()));
            }
            part.openAtEnd = rows.handler.lastFieldOpen;
            part.lineBreaks = bytes.lineBreaks();
            part.loneCr = bytes.loneCarriageReturns();
            if (closed) {
                part.failure = new IllegalStateException("closed");
            }
        }

        /** Stops the workers (after a failure, or once done) before their files are closed under them. */
        @Override
        public void close() {
            closed = true;
            synchronized (window) {
                window.notifyAll();
            }
            // no interrupt: a thread interrupted in a read of the shared channel would close it for every reader; a
            // worker sees the flag between two batches, or waiting for its window (woken above)
            for (Thread worker : workers) {
                try {
                    worker.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // the parts read ahead are not needed by a reading again in one part, which follows
            for (Part part : parts) {
                part.batches.clear();
            }
            free.clear();
        }
    }

    /** Iterates records into the handler's batch, mapping FastCSV's parse errors to messages. */
    private static final class CloseableRecords {
        private final java.util.Iterator<RowBatch> it;
        private final String file;

        CloseableRecords(CsvReader<RowBatch> reader, String file) {
            this.it = reader.iterator();
            this.file = file;
        }

        /** Reads one more row into the batch; false at the end of the file. */
        boolean next() {
            try {
                return it.hasNext() && it.next() != null;
            } catch (CsvParseException e) {
                for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                    if (t instanceof DataException own) { // the bytes refused as no text (TextBytes): said already
                        throw own;
                    }
                }
                String detail = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                if (detail != null && detail.startsWith("The maximum buffer size")) { // FastCSV's limit on one field
                    throw new DataException(String.format(Locale.ROOT, "%s: a field runs on for over %,d characters, "
                            + "the most a field may have (a quote that never closes?)", file, Limits.MAX_FIELD_SIZE), e);
                }
                throw new DataException(file + ": cannot parse (" + detail + ")", e);
            }
        }
    }

    private static CsvReader<RowBatch> open(DataOptions options, RowHandler handler) throws IOException {
        Path path = options.file();
        return open(options, handler, new TextBytes(InputFiles.open(path), path.toString()), true);
    }

    /** A reader of {@code in}, the file's bytes from its start ({@code atStart}) or a part of them after it. */
    private static CsvReader<RowBatch> open(DataOptions options, RowHandler handler, InputStream in, boolean atStart) {
        if (in instanceof TextBytes bytes && bytes.toTheEnd()) {
            handler.tail = bytes; // its last record is read here: a quote open at its end is found
        }
        Path path = options.file();
        char delimiter = options.delimiter().orElseGet(() -> defaultDelimiter(options, path));
        CsvReader.CsvReaderBuilder builder = CsvReader.builder();
        if (unquoted(options)) {
            builder.quoteCharacter(NO_QUOTE);
        }
        return builder
                .fieldSeparator(delimiter)
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .detectBomHeader(atStart)
                .build(handler, in, StandardCharsets.UTF_8);
    }

    /**
     * {@code --format tab}: TAB-separated with no quoting at all (IANA text/tab-separated-values), for
     * files whose fields hold stray double quotes, such as the UCI sentiment sentences. FastCSV has no
     * "quoting off" switch, so the quote character is set to U+FFFF, a noncharacter that text files do not hold.
     */
    private static final char NO_QUOTE = '\uFFFF';

    /**
     * {@code --format} as {@link FormatTableSource#known} reads it to pick this reader (case and spaces aside): ' csv '
     * was refused here as unknown, with a list of known formats that left out every other reader's.
     */
    private static Optional<String> format(DataOptions options) {
        return options.format().map(FormatTableSource::known);
    }

    private static boolean unquoted(DataOptions options) {
        return format(options).map(f -> f.equals("tab")).orElse(false);
    }

    private static char defaultDelimiter(DataOptions options, Path path) {
        String extension = dev.rareclass.domain.data.FileNames.extension(path.getFileName().toString());
        String format = format(options).orElse(extension.equals(".tsv") || extension.equals(".tab") ? "tsv" : "csv");
        return switch (format) {
            case "csv" -> ',';
            case "tsv", "tab" -> '\t';
            default -> throw new UsageException("unknown --format '" + format + "'; known: csv, tsv, tab");
        };
    }

    private static double score(String file, RowBatch record, int column, String name) {
        String raw = record.text(column).trim();
        long line = record.lines[record.row];
        if (Tokens.isMissing(raw)) {
            throw DataException.at(file, line, quoted(name), "missing score (--missing drop leaves such rows out)");
        }
        double v = Tokens.parseNumber(raw);
        if (!Double.isFinite(v)) {
            throw DataException.at(file, line, quoted(name),
                    "'" + abbreviate(raw) + "' is not a finite number");
        }
        return v;
    }

    private static RuntimeException readFailure(String file, Exception e) {
        return InputFiles.failure(file, e);
    }

    private static String quoted(String name) {
        return "'" + name + "'";
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 37) + "...";
    }
}
