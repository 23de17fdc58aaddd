package dev.rareclass.app.cli;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.preprocess.MissingPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The data options shared by every command that reads a table; {@link #toDomain} ends picocli's part. Options
 * not given stay unset here, so that {@code evaluate} and {@code predict} can take them from the model
 * ({@link #given}) and the other commands from the defaults.
 */
public final class DataOptionsMixin {

    @Option(names = "--label", paramLabel = "COL", description = "Label column: a name, or a 0-based index.")
    String label;

    @Option(names = "--positive", paramLabel = "VALUE", description = "Label value of the rare (positive) class; several values separated by commas (3,4) are all positive.")
    String positive;

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Candidates.Formats.class,
            description = "${COMPLETION-CANDIDATES}: tsv has quoted fields, tab none; text is a folder of "
                    + "*.pos/*.neg files or of one folder per class, or a .tar.gz of one "
                    + "(default: from the file name; .gz is read transparently; a folder needs --format text).")
    String format;

    @Option(names = "--no-header", description = "The file has no header row; columns are named 0, 1, 2, ...")
    boolean noHeader;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "Field delimiter (one character, or 'tab').")
    String delimiter;

    @Option(names = "--drop", split = ",", paramLabel = "COL", description = "Columns to ignore (names or 0-based indices), comma-separated.")
    List<String> drop;

    @Option(names = "--categorical", split = ",", paramLabel = "COL",
            description = "Columns to read as categories (one-hot encoded) even when their values are numbers "
                    + "(values that read as the same number, 2 and 2.0, are one category). "
                    + "A column whose first value is not a number is categorical anyway.")
    List<String> categorical;

    @Option(names = "--text", split = ",", paramLabel = "COL", description = "Columns to read as free text.")
    List<String> text;

    @Option(names = "--missing", paramLabel = "POLICY",
            description = "Missing values (empty, ?, NA, N/A, null, NaN): error, drop (the rows), mean, median or "
                    + "most-frequent (imputed with training-row statistics) (default: error; with a saved model, the "
                    + "policy it was trained with).")
    String missing;

    @Option(names = "--shift-labels", defaultValue = "0", paramLabel = "N",
            description = "Time series: mark the N rows before each positive row positive and drop the positive rows "
                    + "(default: ${DEFAULT-VALUE}, off).")
    int shiftLabels;

    /** The file read with the options given, and the defaults for the others. */
    DataOptions toDomain(Path file) {
        return given().applyTo(DataOptions.of(file)).withLabel(Optional.ofNullable(label), Optional.ofNullable(positive))
                .withShiftLabels(shiftLabels);
    }

    /** The reading options the user gave; a model fills in the others for {@code evaluate} and {@code predict}. */
    ReadingOptions given() {
        return new ReadingOptions(Optional.ofNullable(format), noHeader ? Optional.of(false) : Optional.empty(),
                delimiter(), columns(drop), columns(categorical), columns(text),
                Optional.ofNullable(missing).map(MissingPolicy::fromKey));
    }

    /**
     * The columns named, without blank entries: {@code --drop=} is a given empty list ("drop none", replacing the
     * columns a model remembers dropping).
     */
    private static Optional<List<String>> columns(List<String> given) {
        return Optional.ofNullable(given).map(cols -> cols.stream().filter(c -> !c.isBlank()).toList());
    }

    /** The imputation part of {@code --missing} for preprocessing (error and drop act while reading). */
    MissingPolicy missingPolicy() {
        return missing == null ? MissingPolicy.ERROR : MissingPolicy.fromKey(missing);
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
        ReadingOptions.unusableDelimiter(delimiter.charAt(0)).ifPresent(why -> {
            throw new UsageException("--delimiter cannot separate fields with " + why);
        });
        return Optional.of(delimiter.charAt(0));
    }
}
