package dev.rareclass.adapters.format;

import dev.rareclass.domain.data.Column;
import java.util.List;

/**
 * Every column of a file as parsed, the label column included, before the data options are applied.
 *
 * @param file    the source, for messages
 * @param columns typed columns, all of the same length, in file order
 * @param lines   for each row, the 1-based line (or entry) where it starts, for messages
 * @param notes   what the parser decided that a user should hear about
 */
record RawTable(String file, List<Column> columns, long[] lines, List<String> notes) {
    RawTable {
        columns = List.copyOf(columns);
        notes = List.copyOf(notes);
    }

    List<String> names() {
        return columns.stream().map(Column::name).toList();
    }
}
