package dev.rareclass.domain.service;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.experiment.TableProfile;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.port.TableSource;
import dev.rareclass.domain.usecase.DescribeUseCase;

/** Reads the table (labelled when a label is named) and profiles it. */
public record DescribeService(TableSource tables) implements DescribeUseCase {

    @Override
    public TableProfile.Description describe(Request request, ProgressListener progress) {
        DataOptions data = request.data();
        Table table = data.label().isPresent() ? tables.read(data) : tables.readOptionallyLabelled(data);
        return TableProfile.describe(table);
    }
}
