package dev.rareclass.adapters;

import com.google.inject.AbstractModule;
import dev.rareclass.adapters.format.FormatTableSource;
import dev.rareclass.adapters.recipe.YamlRecipeStore;
import dev.rareclass.adapters.report.FileResultSink;
import dev.rareclass.adapters.report.HtmlReportSink;
import dev.rareclass.adapters.store.ZipModelStore;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.RecipeStore;
import dev.rareclass.domain.port.ReportSink;
import dev.rareclass.domain.port.ResultSink;
import dev.rareclass.domain.port.TableSource;

/** Binds the file adapters to the domain's outgoing ports. */
public final class AdaptersModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(TableSource.class).to(FormatTableSource.class);
        bind(ModelStore.class).to(ZipModelStore.class);
        bind(ResultSink.class).to(FileResultSink.class);
        bind(RecipeStore.class).to(YamlRecipeStore.class);
        bind(ReportSink.class).to(HtmlReportSink.class);
    }
}
