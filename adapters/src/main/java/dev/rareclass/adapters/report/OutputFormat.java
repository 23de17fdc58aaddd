package dev.rareclass.adapters.report;

import dev.rareclass.adapters.format.FormatTableSource;
import dev.rareclass.domain.error.UsageException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The format a table or predictions are written in: the one their file's name will be read as
 * ({@link FormatTableSource#formatOfName}, from the same extension registry), so that what rareclass writes, rareclass
 * (and pandas or scikit-learn told the same format) reads back as written. {@code resample --out t.tsv} wrote CSV,
 * which every reader then split on tabs into one column.
 */
enum OutputFormat {
    /** Comma-separated, RFC 4180 quoting: every name the registry does not know. */
    CSV,
    /** Tab-separated with CSV's double-quote quoting, as the TSV reader reads it: {@code .tsv}, {@code .tab}. */
    TSV,
    /** Weka's ARFF: {@code .arff}. */
    ARFF,
    /** LibSVM / SVMlight: {@code .libsvm}, {@code .svm}, {@code .svmlight}. */
    LIBSVM;

    /**
     * The format an output of this name is written in ({@code .gz} aside, which compresses it). A name read as a
     * format nothing here writes (a {@code .tar.gz} is read as a text corpus, a plug-in's extension as its format) is
     * refused as a usage error: written as CSV it could not be read back.
     */
    static OutputFormat of(Path file, Map<String, String> extensions) {
        String format = FormatTableSource.formatOfName(file, extensions);
        if (format.equals("csv") && file.getFileName() != null) {
            // p.json was written as CSV (any name no format claims is): a name promises its format to whoever opens
            // the file next
            dev.rareclass.domain.data.ForeignFormats.ofName(file.getFileName().toString()).ifPresent(foreign -> {
                throw new UsageException(dev.rareclass.domain.data.ForeignFormats.writeRefusal(file.toString(),
                        foreign));
            });
        }
        return switch (format) {
            case "csv" -> CSV;
            case "tsv" -> TSV;
            case "arff" -> ARFF;
            case "libsvm" -> LIBSVM;
            default -> throw new UsageException(file + ": a file so named is read as " + format
                    + ", which rareclass does not write; name the output as a table, such as out.csv (see --out in "
                    + "--help)");
        };
    }

    /** The name {@code --format} knows this format by. */
    String formatName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
