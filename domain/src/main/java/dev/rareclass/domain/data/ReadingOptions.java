package dev.rareclass.domain.data;

import dev.rareclass.domain.preprocess.MissingPolicy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a table's file is read, apart from which file and which label: format, header, delimiter, dropped,
 * categorical and text columns, and the missing-value policy. Each part is absent when not said. A model
 * remembers the ones its training data was read with, so {@code evaluate} and {@code predict} read the same
 * kind of file the same way; what a user gives on the command line wins ({@link #over}).
 *
 * @param format      csv, tsv, arff, ...
 * @param header      whether the first row holds column names
 * @param delimiter   an explicit field delimiter
 * @param drop        columns ignored
 * @param categorical columns read as categories
 * @param text        columns read as free text
 * @param missing     the missing-value policy
 */
public record ReadingOptions(Optional<String> format, Optional<Boolean> header, Optional<Character> delimiter,
                             Optional<List<String>> drop, Optional<List<String>> categorical,
                             Optional<List<String>> text, Optional<MissingPolicy> missing) {

    /** Nothing said: every part as the reader's defaults, or as another set of options gives it. */
    public static final ReadingOptions NONE = new ReadingOptions(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public ReadingOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(delimiter, "delimiter");
        drop = drop.map(List::copyOf);
        categorical = categorical.map(List::copyOf);
        text = text.map(List::copyOf);
        Objects.requireNonNull(missing, "missing");
    }

    /** Every part of how these data options read their file (what a model remembers). */
    public static ReadingOptions of(DataOptions data) {
        return new ReadingOptions(data.format(), Optional.of(data.header()), data.delimiter(), Optional.of(data.drop()),
                Optional.of(data.categorical()), Optional.of(data.text()), Optional.of(data.missing()));
    }

    /**
     * These options with one more column dropped: a cost column ({@code cost:@COLUMN:FP}) that training set aside,
     * so scoring a file that still holds it reads it the way training saw it.
     */
    public ReadingOptions alsoDropping(String column) {
        List<String> more = new java.util.ArrayList<>(drop.orElse(List.of()));
        if (!more.contains(column)) {
            more.add(column);
        }
        return new ReadingOptions(format, header, delimiter, Optional.of(more), categorical, text, missing);
    }

    /** These options where said, the other's elsewhere. */
    public ReadingOptions over(ReadingOptions base) {
        return new ReadingOptions(format.or(base::format), header.or(base::header), delimiter.or(base::delimiter),
                drop.or(base::drop), categorical.or(base::categorical), text.or(base::text), missing.or(base::missing));
    }

    /**
     * Refuses (exit 65, naming the model file) the format these options, a model's remembered reading, name when the
     * user gave none ({@code given}) and the engine that reads the table cannot read it: an altered model file, or one
     * written by an engine that reads more formats. Read with it, the refusal would blame a {@code --format} the user
     * never gave.
     *
     * @param engine     who cannot read it, as the message says so ("rareclass does not read here")
     * @param cannotRead why the engine cannot read a format (such as the formats it reads); empty when it can
     */
    public void requireReadable(java.nio.file.Path modelFile, ReadingOptions given, String engine,
                                java.util.function.Function<String, Optional<String>> cannotRead) {
        if (given.format().isEmpty() && format.isPresent()) {
            cannotRead.apply(format.get()).ifPresent(why -> {
                throw new dev.rareclass.domain.error.DataException(modelFile + ": refused: its training data was read "
                        + "as '" + format.get() + "', a format " + engine + " (" + why + "); give the table's --format");
            });
        }
    }

    /** The data options with every part said here replacing theirs. */
    public DataOptions applyTo(DataOptions data) {
        return new DataOptions(data.file(), format.or(data::format), header.orElse(data.header()),
                delimiter.or(data::delimiter), data.label(), data.positive(), drop.orElse(data.drop()),
                categorical.orElse(data.categorical()), text.orElse(data.text()), missing.orElse(data.missing()),
                data.shiftLabels(), data.ifPresent(), data.imputes());
    }

    public boolean isEmpty() {
        return this.equals(NONE);
    }

    /**
     * Why a character cannot separate fields (the character shown, then the reason), or empty when it can: a
     * line break ends the record, the quote opens a quoted field and {@code #} starts a comment, so the reader
     * cannot tell them apart (it stopped with an internal error). Checked where a delimiter is read: the
     * command line, a recipe and a model file.
     */
    public static Optional<String> unusableDelimiter(char c) {
        return switch (c) {
            case '\n' -> Optional.of("a line break (\\n), which ends the row");
            case '\r' -> Optional.of("a line break (\\r), which ends the row");
            case '"' -> Optional.of("'\"', which quotes fields");
            case '#' -> Optional.of("'#', which starts a comment line");
            default -> Optional.empty();
        };
    }
}
