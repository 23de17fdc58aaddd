package dev.rareclass.domain.usecase;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.experiment.TableProfile;
import dev.rareclass.domain.model.ProgressListener;

/** {@code rareclass describe}: what a table holds, and which columns look suspicious. */
public interface DescribeUseCase {

    /** @param data the table and how to read it; with a label, class balance and leakage checks too */
    record Request(DataOptions data) {
    }

    TableProfile.Description describe(Request request, ProgressListener progress);
}
