package dev.rareclass.domain.data;

import java.util.List;
import java.util.Objects;

/**
 * A table read with one more column of its file copied as written, row for row with the table: what
 * {@code predict --id} copies into the predictions, and the label values {@code resample} writes back.
 *
 * @param table  the table, read as the options say
 * @param column the copied column's name in the file
 * @param values for each row of {@code table}, the column's value as written (trimmed), null where missing
 */
public record TableWithColumn(Table table, String column, List<String> values) {

    public TableWithColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values)); // nulls allowed
        if (values.size() != table.rows()) {
            throw new IllegalArgumentException("column '" + column + "' has " + values.size() + " values for "
                    + table.rows() + " rows");
        }
    }
}
