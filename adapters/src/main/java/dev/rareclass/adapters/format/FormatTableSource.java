package dev.rareclass.adapters.format;

import dev.rareclass.adapters.csv.CsvTableSource;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.port.TableSource;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The {@link TableSource} the application uses: picks a reader from {@code --format} or, without one,
 * from the file name ({@code .gz} is transparent): {@code .arff} → ARFF; {@code .libsvm}, {@code .svm},
 * {@code .svmlight} → LibSVM; a folder or a {@code .tar.gz}/{@code .tgz}/{@code .tar} → text corpus;
 * {@code .tsv}, {@code .tab} → TSV; anything else → CSV.
 */
public final class FormatTableSource implements TableSource {

    /** Every {@code --format} value, in the order messages list them. */
    public static final List<String> FORMATS = List.of("csv", "tsv", "tab", "arff", "libsvm", "text");

    private final CsvTableSource csv;
    private final ArffTableSource arff = new ArffTableSource();
    private final LibSvmTableSource libsvm = new LibSvmTableSource();
    private final TextCorpusTableSource text = new TextCorpusTableSource();

    @Inject
    public FormatTableSource(CsvTableSource csv) {
        this.csv = csv;
    }

    public FormatTableSource() {
        this(new CsvTableSource());
    }

    @Override
    public Table read(DataOptions options) {
        return reader(options).read(options);
    }

    @Override
    public Table readOptionallyLabelled(DataOptions options) {
        return reader(options).readOptionallyLabelled(options);
    }

    @Override
    public LabelledScores readScores(DataOptions options, String scoreColumn) {
        return reader(options).readScores(options, scoreColumn);
    }

    private TableSource reader(DataOptions options) {
        return switch (format(options)) {
            case "csv", "tsv", "tab" -> csv;
            case "arff" -> arff;
            case "libsvm" -> libsvm;
            case "text" -> text;
            default -> throw new IllegalStateException();
        };
    }

    /** The format a file is read as: {@code --format} when given (validated), else from the name. */
    public static String format(DataOptions options) {
        if (options.format().isPresent()) {
            String f = options.format().get().trim().toLowerCase(Locale.ROOT);
            if (f.equals("svmlight")) {
                return "libsvm";
            }
            if (!FORMATS.contains(f)) {
                throw new UsageException("unknown --format '" + options.format().get() + "'; known: "
                        + String.join(", ", FORMATS));
            }
            return f;
        }
        return fromName(options.file());
    }

    static String fromName(Path path) {
        if (Files.isDirectory(path) || TextCorpusTableSource.isArchive(path)) {
            return "text";
        }
        Path fileName = path.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".arff")) {
            return "arff";
        }
        if (name.endsWith(".libsvm") || name.endsWith(".svm") || name.endsWith(".svmlight")) {
            return "libsvm";
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return "tsv";
        }
        return "csv";
    }
}
