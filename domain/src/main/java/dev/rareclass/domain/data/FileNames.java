package dev.rareclass.domain.data;

import java.util.Locale;

/** What a file's name says of its format, read one way by every reader, writer and engine. */
public final class FileNames {

    private FileNames() {
    }

    /**
     * The extension that names a file's format: the last one, lower-cased, with its dot, after a trailing {@code .gz}
     * is set aside ({@code t.TSV.gz} is {@code .tsv}); empty when there is none. Only the name counts, not the folders
     * before it ({@code dir.v2/t} has none).
     */
    public static String extension(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }
}
