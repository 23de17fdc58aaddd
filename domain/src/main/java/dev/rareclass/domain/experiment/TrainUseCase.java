package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.TableSource;
import java.nio.file.Path;
import java.util.Objects;

/** {@code rareclass train}: read a labelled table, fit a pipeline, save it as one model file. */
public final class TrainUseCase {

    /**
     * @param data where the labelled training table is
     * @param spec what to fit
     * @param out  the model file to write
     */
    public record Command(DataOptions data, PipelineSpec spec, Path out) {
        public Command {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(out, "out");
        }
    }

    private final TableSource tables;
    private final ModelStore store;
    private final PipelineFitter fitter;

    public TrainUseCase(TableSource tables, ModelStore store, PipelineFitter fitter) {
        this.tables = tables;
        this.store = store;
        this.fitter = fitter;
    }

    /**
     * @param model the fitted pipeline, as saved
     * @param table the table it was fitted on, as read (for reports on the same rows)
     */
    public record Trained(FittedPipeline model, Table table) {
    }

    public Trained train(Command command, ProgressListener progress) {
        fitter.check(command.spec()).warmUp();
        Table table = tables.read(command.data());
        table.notes().forEach(progress::note);
        String sha = Checksums.sha256(command.data().file());
        FittedPipeline model = fitter.fit(table, command.spec(), sha, progress);
        store.save(model, command.out());
        return new Trained(model, table);
    }
}
