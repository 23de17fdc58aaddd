package dev.rareclass.adapters;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.name.Names;
import dev.rareclass.adapters.csv.CsvTableSource;
import dev.rareclass.adapters.format.ArffTableSource;
import dev.rareclass.adapters.format.FormatTableSource;
import dev.rareclass.adapters.format.LibSvmTableSource;
import dev.rareclass.adapters.format.TextCorpusTableSource;
import dev.rareclass.adapters.recipe.YamlRecipeStore;
import dev.rareclass.adapters.report.FileResultSink;
import dev.rareclass.adapters.report.HtmlReportSink;
import dev.rareclass.adapters.store.ZipModelStore;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.RecipeStore;
import dev.rareclass.domain.port.ReportSink;
import dev.rareclass.domain.port.ResultSink;
import dev.rareclass.domain.port.TableSource;
import dev.rareclass.domain.port.DatasetCatalog;
import dev.rareclass.adapters.datasets.DatasetFetcher;
import java.util.Map;

/**
 * Binds the file adapters to the domain's outgoing ports, and registers the table formats by name: the
 * {@link FormatTableSource} dispatches on {@code --format} or the file's extension, and {@link FileResultSink}
 * writes an output in the format the same extension map reads its name as.
 */
public final class AdaptersModule extends AbstractModule {

    /** Binding name of the format registry: format name → reader, and extension → format name. */
    public static final String FORMATS = "formats";

    /** Extensions of the built-in formats (a {@code .gz} suffix is removed first), for reading and writing. */
    public static final Map<String, String> BUILT_IN_EXTENSIONS = Map.of(".tsv", "tsv", ".tab", "tsv",
            ".arff", "arff", ".libsvm", "libsvm", ".svm", "libsvm", ".svmlight", "libsvm");

    @Override
    protected void configure() {
        bind(TableSource.class).to(FormatTableSource.class);
        bind(ModelStore.class).to(ZipModelStore.class);
        bind(ResultSink.class).to(FileResultSink.class);
        bind(RecipeStore.class).to(YamlRecipeStore.class);
        bind(ReportSink.class).to(HtmlReportSink.class);
        bind(dev.rareclass.domain.port.Outputs.class).to(dev.rareclass.adapters.io.FileOutputs.class);
        bind(DatasetCatalog.class).to(DatasetFetcher.class);

        MapBinder<String, TableSource> formats = formats(binder());
        formats.addBinding("csv").to(CsvTableSource.class);
        formats.addBinding("tsv").to(CsvTableSource.class);
        formats.addBinding("tab").to(CsvTableSource.class);
        formats.addBinding("arff").to(ArffTableSource.class);
        formats.addBinding("libsvm").to(LibSvmTableSource.class);
        formats.addBinding("text").to(TextCorpusTableSource.class);
        MapBinder<String, String> extensions = extensions(binder());
        BUILT_IN_EXTENSIONS.forEach((ext, format) -> extensions.addBinding(ext).toInstance(format));
    }

    /** The registry of readers by format name; a module that adds a format adds its reader here. */
    public static MapBinder<String, TableSource> formats(com.google.inject.Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, TableSource.class, Names.named(FORMATS));
    }

    /** The registry of file extensions ({@code .arff}) → format name. */
    public static MapBinder<String, String> extensions(com.google.inject.Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, String.class, Names.named(FORMATS));
    }
}
