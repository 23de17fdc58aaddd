package dev.rareclass.domain.service;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TableWithColumn;
import dev.rareclass.domain.experiment.TableProfile;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.port.TableSource;
import dev.rareclass.domain.preprocess.MissingPolicy;
import dev.rareclass.domain.usecase.DescribeUseCase;

/**
 * Reads the table and profiles it: labelled, as training reads it, when a label is named, or when {@code --positive}
 * is given for a format that labels its rows itself (LibSVM, text corpora), so that a positive value that never
 * occurs is refused naming the values seen rather than counted as 0 positive rows. Counting missing values is part of the
 * profile, so they are read, not refused: under the default {@code --missing error} the table is read as an
 * imputing policy reads it (missing values kept as NaN, no category, no text; nothing is imputed while reading).
 * {@code --missing drop} still drops the rows that have one, as asked. A missing label is still refused.
 *
 * <p>Such a format's label without {@code --positive} is read beside the table, as written, and its values counted: a
 * corpus's classes are known from its folders, and which one is rare is what a user reads them to choose.
 */
public record DescribeService(TableSource tables) implements DescribeUseCase {

    @Override
    public TableProfile.Description describe(Request request, ProgressListener progress) {
        DataOptions data = keepingMissingValues(request.data());
        boolean labelled = data.label().isPresent()
                || data.positive().isPresent() && tables.implicitLabel(data).isPresent();
        java.util.Optional<String> implicit = tables.implicitLabel(data);
        if (!labelled && data.label().isEmpty() && implicit.isPresent()) {
            TableWithColumn read = tables.readWithColumn(data, false, implicit.get(), "the label");
            return TableProfile.describe(read.table())
                    .withClasses(TableProfile.ClassCounts.of(read.column(), read.values()));
        }
        Table table = labelled ? tables.read(data) : tables.readOptionallyLabelled(data);
        return TableProfile.describe(table);
    }

    /** The options with missing values kept rather than refused (the imputing policies keep them when reading). */
    static DataOptions keepingMissingValues(DataOptions data) {
        return data.missing() == MissingPolicy.ERROR ? data.withMissing(MissingPolicy.MEAN) : data;
    }
}
