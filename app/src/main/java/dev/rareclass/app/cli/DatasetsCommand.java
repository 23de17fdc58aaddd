package dev.rareclass.app.cli;

import dev.rareclass.domain.port.DatasetCatalog;
import dev.rareclass.domain.port.DatasetCatalog.Dataset;
import dev.rareclass.domain.port.DatasetCatalog.Fetched;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rareclass datasets list | fetch NAME}: public datasets, downloaded once and verified. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the catalogued public datasets, or fetch one into the cache (verified by SHA-256).",
        subcommands = {DatasetsCommand.ListCommand.class, DatasetsCommand.FetchCommand.class})
final class DatasetsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static String options(Dataset d) {
        return d.options().stream().map(a -> a.matches("[A-Za-z0-9_.,=/+-]+") ? a : "\"" + a + "\"")
                .collect(Collectors.joining(" "));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The catalogued datasets and how to load them.")
    static final class ListCommand extends CliCommand {

        private final DatasetCatalog fetcher;

        @Inject
        ListCommand(DatasetCatalog fetcher) {
            this.fetcher = fetcher;
        }

        @Override
        public Integer call() {
            PrintWriter out = out();
            for (Dataset d : fetcher.datasets()) {
                out.printf(Locale.ROOT, "%-20s %s%n", d.name(), d.description());
                out.printf(Locale.ROOT, "%-20s %s (%,d bytes, %s) from %s%n", "", d.file(), d.size(), d.licence(), d.url());
                out.printf(Locale.ROOT, "%-20s options: %s%n", "", options(d));
            }
            out.printf(Locale.ROOT, "cache: %s%n", fetcher.cacheDir());
            out.flush();
            return 0;
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Download a dataset once into the cache ($XDG_CACHE_HOME/rareclass or ~/.cache/rareclass), "
                    + "verify its SHA-256, and print its path and the options that load it. A download that "
                    + "receives nothing for a minute is given up; nothing is kept of a failed one.")
    static final class FetchCommand extends CliCommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "A name from 'rareclass datasets list'.")
        String name;

        @Option(names = "--mirror", paramLabel = "URL",
                description = "Download URL/FILE from this base instead of the pinned source (the checksum still applies).")
        String mirror;

        private final DatasetCatalog fetcher;

        @Inject
        FetchCommand(DatasetCatalog fetcher) {
            this.fetcher = fetcher;
        }

        @Override
        public Integer call() {
            Fetched f = fetcher.fetch(name, Optional.ofNullable(mirror));
            PrintWriter out = out();
            out.printf(Locale.ROOT, "%s%s%n", f.path(), f.downloaded() ? "" : " (cached)");
            out.printf(Locale.ROOT, "rareclass describe %s %s%n", f.path(), options(f.dataset()));
            out.flush();
            return 0;
        }
    }
}
