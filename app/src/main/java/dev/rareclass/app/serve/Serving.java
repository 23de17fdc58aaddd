package dev.rareclass.app.serve;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.preprocess.MissingPolicy;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.TableSource;
import dev.rareclass.domain.service.EvaluateService;
import dev.rareclass.embed.RareclassModel;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What {@code serve} needs from the rest of the application: model files loaded through the application's model
 * store, named for URLs, and a server that reads CSV bodies as {@code predict} reads a table.
 */
public final class Serving {

    /** How a CSV body is read: comma-separated with a header row; the rest as the model's training file was. */
    private static final ReadingOptions CSV_BODY = new ReadingOptions(Optional.of("csv"), Optional.of(true),
            Optional.of(','), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    /** A text/tab-separated-values body: TAB-separated with a header row, no quoting (IANA's format has none). */
    private static final ReadingOptions TSV_BODY = new ReadingOptions(Optional.of("tab"), Optional.of(true),
            Optional.of('\t'), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    private final ModelStore store;
    private final TableSource tables;

    @Inject
    public Serving(ModelStore store, TableSource tables) {
        this.store = store;
        this.tables = tables;
    }

    /**
     * @param names one per file, in order, or none for the file names without extension
     * @throws UsageException for a name that cannot be a URL path segment, or two models of one name
     */
    public List<ServedModel> load(List<Path> files, List<String> names) {
        if (!names.isEmpty() && names.size() != files.size()) {
            throw new UsageException("--name was given " + names.size() + " time(s) for " + files.size()
                    + " model file(s); give one name per model, in order, or none");
        }
        // names given are checked before any model is loaded; a name taken from a file only once the file is read,
        // so that a missing 'my model.model' is said to be missing, not to make a bad name
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            checkName(name, seen, "");
        }
        List<ServedModel> served = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            var loaded = store.load(file);
            String name = names.isEmpty() ? ServedModel.defaultName(file) : names.get(i);
            if (names.isEmpty()) {
                checkName(name, seen, file + ": ");
            }
            served.add(new ServedModel(name, RareclassModel.of(loaded, name), file));
        }
        return served;
    }

    private static void checkName(String name, Set<String> seen, String file) {
        if (!ServedModel.validName(name)) {
            // the rule in full: '.hidden' and a 200-letter name were told to use the letters they used
            throw new UsageException(file + "model name '" + name + "' cannot be a URL path segment: use up to "
                    + ServedModel.MAX_NAME + " letters, digits, '.', '_' and '-', starting with a letter or digit "
                    + "(choose one with --name)");
        }
        if (!seen.add(name)) {
            throw new UsageException("two models are named '" + name + "': give each its own with --name");
        }
    }

    /** A server for the models (not started). */
    public InferenceServer server(List<ServedModel> models, InferenceServer.Settings settings, Consumer<String> log) {
        return new InferenceServer(models, settings, (model, body) -> {
            DataOptions read = EvaluateService.asTrained(DataOptions.of(body),
                    body.getFileName().toString().endsWith(".tsv") ? TSV_BODY : CSV_BODY, model.model().pipeline());
            // every row of a body is answered, in order: none is dropped (a model trained with --missing drop reads
            // its files so) or refused by the reader with advice for the command line; the reader passes missing
            // values on (any imputing policy does), and a model that imputes none refuses them naming the row, as it
            // does in a JSON body
            return tables.readOptionallyLabelled(read.missing().imputes() ? read : read.withMissing(MissingPolicy.MEAN));
        }, log);
    }
}
