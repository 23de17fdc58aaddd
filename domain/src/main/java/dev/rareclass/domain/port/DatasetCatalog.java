package dev.rareclass.domain.port;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Public datasets with pinned checksums, downloaded once into a cache ({@code rareclass datasets}). */
public interface DatasetCatalog {

    /**
     * One catalogued dataset: where it comes from and how to load it.
     *
     * @param name        the name {@code datasets fetch} takes
     * @param file        the file name, in the cache and after a mirror's base URL
     * @param url         the pinned source
     * @param sha256      the checksum of the published bytes
     * @param size        their length in bytes
     * @param format      the {@code --format} to read it with
     * @param header      whether the first row holds names
     * @param label       the label column (name or 0-based index)
     * @param positive    the positive (rare) class
     * @param drop        columns to drop
     * @param description what it is and where it comes from
     * @param licence     its licence as the source states it
     */
    record Dataset(String name, String file, String url, String sha256, long size, String format, boolean header,
                          String label, String positive, List<String> drop, String description, String licence) {
        public Dataset {
            drop = drop == null ? List.of() : List.copyOf(drop);
        }

        /** The data options that load it, as command-line arguments. */
        public List<String> options() {
            List<String> args = new ArrayList<>();
            if (!header) {
                args.add("--no-header");
            }
            args.addAll(List.of("--label", label, "--positive", positive));
            if (!drop.isEmpty()) {
                args.addAll(List.of("--drop", String.join(",", drop)));
            }
            return args;
        }
    }

    /**
     * The result of a fetch.
     *
     * @param dataset    what was fetched
     * @param path       where it now is
     * @param downloaded false when the cache already held it
     */
    record Fetched(Dataset dataset, Path path, boolean downloaded) {
    }

    /** Every catalogued dataset, in catalogue order. */
    List<Dataset> datasets();

    /** Where fetched files are kept. */
    Path cacheDir();

    /**
     * The dataset's file in the cache, downloaded (and verified by SHA-256) when not there yet.
     *
     * @param name   a catalogued name
     * @param mirror a base URL to fetch the file from instead of its source
     */
    Fetched fetch(String name, Optional<String> mirror);
}
