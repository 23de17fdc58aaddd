package dev.rareclass.domain.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a table: the options every command that reads data shares ({@code --label},
 * {@code --positive}, {@code --no-header}, ...). The label is a column name or a 0-based index.
 *
 * @param file      the file to read
 * @param format    {@code csv} or {@code tsv}; empty means "from the file name" ({@code .gz} is transparent)
 * @param header    whether the first row holds column names
 * @param delimiter an explicit field delimiter, overriding the format's
 * @param label     label column (name or 0-based index); empty when the table has none (prediction input)
 * @param positive  the label value of the positive class; required with a label
 * @param drop      columns to ignore (names or 0-based indices)
 */
public record DataOptions(Path file, Optional<String> format, boolean header, Optional<Character> delimiter,
                          Optional<String> label, Optional<String> positive, List<String> drop) {

    public DataOptions {
        Objects.requireNonNull(file, "file");
        drop = List.copyOf(drop);
    }

    /** Options for a headed CSV-like file with a label column. */
    public static DataOptions labelled(Path file, String label, String positive) {
        return new DataOptions(file, Optional.empty(), true, Optional.empty(), Optional.of(label), Optional.of(positive), List.of());
    }

    public DataOptions withLabel(String newLabel, String newPositive) {
        return new DataOptions(file, format, header, delimiter, Optional.of(newLabel), Optional.of(newPositive), drop);
    }

    public DataOptions withoutLabel() {
        return new DataOptions(file, format, header, delimiter, Optional.empty(), Optional.empty(), drop);
    }
}
