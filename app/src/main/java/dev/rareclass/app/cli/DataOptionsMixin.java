package dev.rareclass.app.cli;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.error.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The data options shared by every command that reads a table; {@link #toDomain} ends picocli's part. */
public final class DataOptionsMixin {

    @Option(names = "--label", paramLabel = "COL", description = "Label column: a name, or a 0-based index.")
    String label;

    @Option(names = "--positive", paramLabel = "VALUE", description = "Label value of the rare (positive) class.")
    String positive;

    @Option(names = "--format", paramLabel = "csv|tsv", description = "File format (default: from the file name; .gz is read transparently).")
    String format;

    @Option(names = "--no-header", description = "The file has no header row; columns are named 0, 1, 2, ...")
    boolean noHeader;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "Field delimiter (one character, or 'tab').")
    String delimiter;

    @Option(names = "--drop", split = ",", paramLabel = "COL", description = "Columns to ignore (names or 0-based indices), comma-separated.")
    List<String> drop = new ArrayList<>();

    DataOptions toDomain(Path file) {
        return new DataOptions(file, Optional.ofNullable(format), !noHeader, delimiter(), Optional.ofNullable(label),
                Optional.ofNullable(positive), drop);
    }

    private Optional<Character> delimiter() {
        if (delimiter == null) {
            return Optional.empty();
        }
        if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
            return Optional.of('\t');
        }
        if (delimiter.length() != 1) {
            throw new UsageException("--delimiter must be one character or 'tab', got '" + delimiter + "'");
        }
        return Optional.of(delimiter.charAt(0));
    }
}
