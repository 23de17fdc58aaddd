package dev.rareclass.domain.port;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TableWithColumn;

/**
 * Reads a table from a file. Implementations report bad input as
 * {@link dev.rareclass.domain.error.DataException} (naming file, row and column) or
 * {@link dev.rareclass.domain.error.InputMissingException}.
 */
public interface TableSource {

    /**
     * When {@link DataOptions#label()} is present the table is labelled with the given positive value;
     * a label column that is named but missing, a positive value that never occurs, or a single class
     * are data errors.
     */
    Table read(DataOptions options);

    /**
     * Reads as {@link #read} does, except that a positive value that never occurs is no error: every row is then
     * negative. {@code evaluate} reads so, since a month without positives is a fair check of a model's false alarms.
     * A source that does not say otherwise refuses such a table, as {@link #read} does.
     */
    default Table readWithoutRequiringPositives(DataOptions options) {
        return read(options);
    }

    /**
     * Reads a table whose label column may be absent: if the file has the column, labels are mapped
     * with {@code positive}; if it does not, the table is unlabelled. Used by predict.
     */
    Table readOptionallyLabelled(DataOptions options);

    /**
     * Reads only the label column (mapped with the positive value) and one numeric score column, at
     * double precision; other columns are ignored whatever they hold.
     */
    LabelledScores readScores(DataOptions options, String scoreColumn);

    /**
     * Reads as {@link #read} (when {@code labelRequired}) or {@link #readOptionallyLabelled} do, and also copies
     * column {@code column} (a name or 0-based index) of every row of the table as written in the file, whatever
     * its role there: a feature, the label, or a column the options drop. A file without that column is a data
     * error naming it as {@code role} (such as {@code --id}).
     */
    default TableWithColumn readWithColumn(DataOptions options, boolean labelRequired, String column, String role) {
        throw new dev.rareclass.domain.error.UsageException(role + ": this format cannot copy a column ('" + column
                + "')");
    }

    /**
     * The column that labels the file's rows when no {@code --label} names one, for a format that has such a column
     * (LibSVM's and text corpora's {@code label}); empty for one whose label must be named.
     */
    default java.util.Optional<String> implicitLabel(DataOptions options) {
        return java.util.Optional.empty();
    }

    /**
     * The column that names each row of the file, for a format that has one (a text corpus's {@code document}: each
     * document's path in the corpus): never a feature, and what {@code predict} copies beside each prediction, as
     * {@code --id} would, when no {@code --id} is given; empty for a format whose rows have no names.
     */
    default java.util.Optional<String> rowNames(DataOptions options) {
        return java.util.Optional.empty();
    }

    /**
     * Why this source cannot read files of {@code format} (a format name as {@code --format} takes it), such as the
     * formats it does read; empty when it can, or cannot tell.
     */
    default java.util.Optional<String> cannotRead(String format) {
        return java.util.Optional.empty();
    }
}
