package dev.rareclass.domain.data;

import dev.rareclass.domain.preprocess.MissingPolicy;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a table: the options every command that reads data shares ({@code --label},
 * {@code --positive}, {@code --no-header}, ...). Columns are named, or given by 0-based index.
 *
 * @param file        the file to read
 * @param format      {@code csv} or {@code tsv}; empty means "from the file name" ({@code .gz} is transparent)
 * @param header      whether the first row holds column names
 * @param delimiter   an explicit field delimiter, overriding the format's
 * @param label       label column; empty when the table has none (prediction input)
 * @param positive    the label value of the positive class; required with a label
 * @param drop        columns to ignore
 * @param categorical columns to read as categories even when their values look numeric
 * @param text        columns to read as free text
 * @param missing     what to do with missing values: {@code ERROR} and {@code DROP} act while reading
 * @param shiftLabels for time series: mark the N rows before each positive row positive and drop the
 *                    positive rows themselves (0: off)
 * @param ifPresent   columns that {@code drop}, {@code categorical} or {@code text} name and the file may lack:
 *                    the ones a model remembers from its training data, not the user's. A table without a column
 *                    the model dropped is fine; one without a column the model reads is refused by the model's
 *                    input schema, naming it as a missing column, not as an option the user never gave
 * @param imputes     whether a missing value the {@code missing} policy refuses could be imputed by another policy:
 *                    false for rows a model trained without imputing ({@code --missing error} or {@code drop}) scores,
 *                    which puts nothing in a missing value's place, so its refusal advises {@code --missing drop} only
 */
public record DataOptions(Path file, Optional<String> format, boolean header, Optional<Character> delimiter,
                          Optional<String> label, Optional<String> positive, List<String> drop,
                          List<String> categorical, List<String> text, MissingPolicy missing, int shiftLabels,
                          List<String> ifPresent, boolean imputes) {

    public DataOptions {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(missing, "missing");
        drop = List.copyOf(drop);
        categorical = List.copyOf(categorical);
        text = List.copyOf(text);
        ifPresent = List.copyOf(ifPresent);
        if (shiftLabels < 0) {
            throw new dev.rareclass.domain.error.UsageException("--shift-labels must be 0 or more, got " + shiftLabels);
        }
    }

    /** Options whose missing values another policy could impute (see {@link #imputes}). */
    public DataOptions(Path file, Optional<String> format, boolean header, Optional<Character> delimiter,
                       Optional<String> label, Optional<String> positive, List<String> drop, List<String> categorical,
                       List<String> text, MissingPolicy missing, int shiftLabels, List<String> ifPresent) {
        this(file, format, header, delimiter, label, positive, drop, categorical, text, missing, shiftLabels,
                ifPresent, true);
    }

    /** Options whose every column must be in the file (the user's own). */
    public DataOptions(Path file, Optional<String> format, boolean header, Optional<Character> delimiter,
                       Optional<String> label, Optional<String> positive, List<String> drop, List<String> categorical,
                       List<String> text, MissingPolicy missing, int shiftLabels) {
        this(file, format, header, delimiter, label, positive, drop, categorical, text, missing, shiftLabels,
                List.of());
    }

    /** These options with more columns that the file may lack (see {@link #ifPresent}). */
    public DataOptions withIfPresent(java.util.Collection<String> columns) {
        LinkedHashSet<String> all = new LinkedHashSet<>(ifPresent);
        all.addAll(columns);
        return new DataOptions(file, format, header, delimiter, label, positive, drop, categorical, text, missing,
                shiftLabels, List.copyOf(all), imputes);
    }

    /**
     * A headed file, unlabelled, read with the defaults: the start from which {@code with…} methods and
     * {@link ReadingOptions#applyTo} build the rest.
     */
    public static DataOptions of(Path file) {
        return new DataOptions(file, Optional.empty(), true, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0);
    }

    /** The label column and positive value, each absent when not given. */
    public DataOptions withLabel(Optional<String> newLabel, Optional<String> newPositive) {
        return new DataOptions(file, format, header, delimiter, newLabel, newPositive, drop, categorical, text, missing,
                shiftLabels, ifPresent, imputes);
    }

    public DataOptions withShiftLabels(int rows) {
        return new DataOptions(file, format, header, delimiter, label, positive, drop, categorical, text, missing, rows,
                ifPresent, imputes);
    }

    /** Options for a headed file with a label column and defaults for everything else. */
    public static DataOptions labelled(Path file, String label, String positive) {
        return of(file).withLabel(label, positive);
    }

    /** Another file, read the same way. */
    public DataOptions withFile(Path other) {
        return new DataOptions(other, format, header, delimiter, label, positive, drop, categorical, text, missing,
                shiftLabels, ifPresent, imputes);
    }

    public DataOptions withLabel(String newLabel, String newPositive) {
        return withLabel(Optional.of(newLabel), Optional.of(newPositive));
    }

    /** These options with more columns read as categorical (duplicates ignored). */
    public DataOptions withCategorical(List<String> more) {
        LinkedHashSet<String> all = new LinkedHashSet<>(categorical);
        all.addAll(more);
        return new DataOptions(file, format, header, delimiter, label, positive, drop, List.copyOf(all), text, missing,
                shiftLabels, ifPresent, imputes);
    }

    /** These options with one more column dropped (no change when it is dropped already). */
    public DataOptions withDropped(String column) {
        if (drop.contains(column)) {
            return this;
        }
        List<String> more = new java.util.ArrayList<>(drop);
        more.add(column);
        return new DataOptions(file, format, header, delimiter, label, positive, more, categorical, text, missing,
                shiftLabels, ifPresent, imputes);
    }

    /**
     * These options with a column read again (no change when it is not dropped): a cost column the model drops,
     * which {@code evaluate --report} reads as the rows' costs.
     */
    public DataOptions withoutDropping(String column) {
        if (!drop.contains(column)) {
            return this;
        }
        List<String> fewer = new java.util.ArrayList<>(drop);
        fewer.remove(column);
        return new DataOptions(file, format, header, delimiter, label, positive, fewer, categorical, text, missing,
                shiftLabels, ifPresent, imputes);
    }

    /** These options for rows scored by a model that imputes missing values, or not (see {@link #imputes}). */
    public DataOptions withImputes(boolean modelImputes) {
        return new DataOptions(file, format, header, delimiter, label, positive, drop, categorical, text, missing,
                shiftLabels, ifPresent, modelImputes);
    }

    public DataOptions withMissing(MissingPolicy policy) {
        return new DataOptions(file, format, header, delimiter, label, positive, drop, categorical, text, policy,
                shiftLabels, ifPresent, imputes);
    }
}
