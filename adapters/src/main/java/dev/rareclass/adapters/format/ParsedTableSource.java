package dev.rareclass.adapters.format;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TableWithColumn;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.port.TableSource;
import java.util.Optional;

/**
 * What a file format implements: a parser from the file to a {@link RawTable}. Every data option
 * ({@code --label}/{@code --positive}, {@code --drop}, {@code --categorical}, {@code --text},
 * {@code --missing}, {@code --shift-labels}, row numbers) is then applied by {@link DataOptionsStep}, the
 * same way for every format, so a new format honours them all without code of its own.
 *
 * <p>A format whose values are text (CSV, JSON Lines) names its columns with the {@link TextRows.Start}
 * it is given and hands over its rows; one with typed columns of its own (ARFF, LibSVM) builds a
 * {@link RawTable} directly. Problems in the file are {@code DataException}s naming file, line and column;
 * a file that cannot be opened is an {@code InputMissingException} ({@code adapters.io.InputFiles} opens
 * {@code .gz} files and maps read failures).
 */
public abstract class ParsedTableSource implements TableSource {

    private final String formatName;
    private final Optional<String> implicitLabel;
    private final Optional<String> rowNames;

    /**
     * @param formatName    the format's name in messages ({@code "ARFF"})
     * @param implicitLabel the column that always holds the label in this format (LibSVM's {@code label}),
     *                      if any: never a feature, and the label when {@code --label} is not given
     */
    protected ParsedTableSource(String formatName, Optional<String> implicitLabel) {
        this(formatName, implicitLabel, Optional.empty());
    }

    /**
     * @param rowNames the column that names each row in this format (a text corpus's {@code document}), if any:
     *                 never a feature, and copied beside each prediction ({@link TableSource#rowNames})
     */
    protected ParsedTableSource(String formatName, Optional<String> implicitLabel, Optional<String> rowNames) {
        this.formatName = formatName;
        this.implicitLabel = implicitLabel;
        this.rowNames = rowNames;
    }

    /**
     * Parses the whole file named by {@code options.file()}, every column included. Only the reading
     * options ({@code --format}, {@code --no-header}, {@code --delimiter}) are the parser's business.
     *
     * @param rows for formats whose fields are text: starts the rows once the column names are known
     */
    protected abstract RawTable parse(DataOptions options, TextRows.Start rows);

    final Optional<String> implicitLabel() {
        return implicitLabel;
    }

    @Override
    public final Optional<String> implicitLabel(DataOptions options) {
        return implicitLabel;
    }

    final Optional<String> rowNames() {
        return rowNames;
    }

    @Override
    public final Optional<String> rowNames(DataOptions options) {
        return rowNames;
    }

    @Override
    public final Table read(DataOptions options) {
        return DataOptionsStep.read(this, options, true);
    }

    @Override
    public final Table readWithoutRequiringPositives(DataOptions options) {
        return DataOptionsStep.readWithoutRequiringPositives(this, options);
    }

    @Override
    public final Table readOptionallyLabelled(DataOptions options) {
        return DataOptionsStep.read(this, options, false);
    }

    @Override
    public final TableWithColumn readWithColumn(DataOptions options, boolean labelRequired, String column, String role) {
        return DataOptionsStep.readWithColumn(this, options, labelRequired, column, role);
    }

    /** Only delimited predictions files carry scores; other formats refuse. */
    @Override
    public LabelledScores readScores(DataOptions options, String scoreColumn) {
        throw new UsageException("score reads CSV or TSV predictions files, not " + formatName);
    }
}
