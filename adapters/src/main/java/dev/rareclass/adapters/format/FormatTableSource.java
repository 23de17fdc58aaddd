package dev.rareclass.adapters.format;

import dev.rareclass.adapters.csv.CsvTableSource;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TableWithColumn;
import dev.rareclass.domain.error.InputMissingException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.port.TableSource;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import dev.rareclass.adapters.AdaptersModule;
import jakarta.inject.Named;

/**
 * The {@link TableSource} the application uses: picks a reader by format name from {@code --format} or,
 * without one, from the file name ({@code .gz} is transparent): a {@code .tar.gz}/{@code .tgz}/{@code .tar} is a
 * text corpus; otherwise the file's extension is looked up among the registered ones; anything else is CSV. A folder
 * is read only with {@code --format text}: without it, it is refused saying so.
 *
 * <p>Formats are registered by name with Guice ({@link AdaptersModule}): a new format is one
 * {@link ParsedTableSource} (a parser; the data options are applied by {@link DataOptionsStep}) plus a
 * binding of its name and extensions (see docs/EXTENDING.md).
 */
public final class FormatTableSource implements TableSource {

    private final Map<String, TableSource> readers;
    private final Map<String, String> extensions;

    /**
     * @param readers    format name → reader
     * @param extensions file extension (such as {@code .arff}) → format name
     */
    @Inject
    public FormatTableSource(@Named(AdaptersModule.FORMATS) Map<String, TableSource> readers,
                             @Named(AdaptersModule.FORMATS) Map<String, String> extensions) {
        this.readers = Map.copyOf(readers);
        this.extensions = Map.copyOf(extensions);
    }

    /** The built-in formats, as {@link AdaptersModule} registers them (for tests and tools without Guice). */
    public FormatTableSource() {
        this(builtInReaders(), AdaptersModule.BUILT_IN_EXTENSIONS);
    }

    private static Map<String, TableSource> builtInReaders() {
        CsvTableSource csv = new CsvTableSource();
        return Map.of("csv", csv, "tsv", csv, "tab", csv, "arff", new ArffTableSource(),
                "libsvm", new LibSvmTableSource(), "text", new TextCorpusTableSource());
    }

    /** Every {@code --format} value, sorted. */
    public List<String> formats() {
        return readers.keySet().stream().sorted().toList();
    }

    @Override
    public Table read(DataOptions options) {
        return reader(options).read(options);
    }

    @Override
    public Table readWithoutRequiringPositives(DataOptions options) {
        return reader(options).readWithoutRequiringPositives(options);
    }

    @Override
    public Table readOptionallyLabelled(DataOptions options) {
        return reader(options).readOptionallyLabelled(options);
    }

    @Override
    public Optional<String> implicitLabel(DataOptions options) {
        return reader(options).implicitLabel(options);
    }

    @Override
    public Optional<String> rowNames(DataOptions options) {
        return reader(options).rowNames(options);
    }

    @Override
    public LabelledScores readScores(DataOptions options, String scoreColumn) {
        return reader(options).readScores(options, scoreColumn);
    }

    @Override
    public TableWithColumn readWithColumn(DataOptions options, boolean labelRequired, String column, String role) {
        return reader(options).readWithColumn(options, labelRequired, column, role);
    }

    private TableSource reader(DataOptions options) {
        return readers.get(format(options));
    }

    /** The format a file is read as: {@code --format} when given (validated), else from the name. */
    public String format(DataOptions options) {
        if (options.format().isPresent()) {
            String f = known(options.format().get());
            if (!readers.containsKey(f)) {
                throw new UsageException("unknown --format '" + options.format().get() + "'; known: "
                        + String.join(", ", formats()));
            }
            return f;
        }
        return fromName(options.file());
    }

    @Override
    public java.util.Optional<String> cannotRead(String format) {
        return readers.containsKey(known(format)) ? java.util.Optional.empty()
                : java.util.Optional.of("known: " + String.join(", ", formats()));
    }

    /**
     * A format name as the readers are registered: case and spaces aside, svmlight is libsvm (the CSV reader reads its
     * {@code --format} so too).
     */
    public static String known(String format) {
        String f = format.trim().toLowerCase(Locale.ROOT);
        return f.equals("svmlight") ? "libsvm" : f;
    }

    String fromName(Path path) {
        if (Files.isDirectory(path)) {
            // a folder is no file name to go by, and read as a corpus it is walked whole, every file beneath it
            // (describe / read the disk until a link stopped it): a corpus is asked for by name
            throw new InputMissingException(path + ": is a folder; a folder is read as a text corpus only with "
                    + "--format text (a folder per class, or *.pos/*.neg files)", null);
        }
        return formatOfName(path, extensions);
    }

    /**
     * The format a file of this name is read as, without {@code --format}, by the name alone: a tar archive is a
     * text corpus; otherwise the extension (case aside, after removing a {@code .gz}) is looked up in
     * {@code extensions}; anything else is CSV. The one rule for reading and writing: an output is written in the
     * format its name will be read as (see {@code FileResultSink}).
     */
    public static String formatOfName(Path path, Map<String, String> extensions) {
        if (path.getFileName() != null && TextCorpusTableSource.isArchive(path)) {
            return "text";
        }
        Path fileName = path.getFileName();
        String extension = fileName == null ? "" : dev.rareclass.domain.data.FileNames.extension(fileName.toString());
        return extension.isEmpty() ? "csv" : extensions.getOrDefault(extension, "csv");
    }
}
