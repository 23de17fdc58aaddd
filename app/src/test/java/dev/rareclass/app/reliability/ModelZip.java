package dev.rareclass.app.reliability;

import dev.rareclass.domain.experiment.Checksums;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Takes a saved model's zip apart and puts (possibly forged) parts back together, for the attack tests. */
final class ModelZip {

    private ModelZip() {
    }

    /** The model file's entries, by name, in the order they are stored. */
    static Map<String, byte[]> read(Path model) throws IOException {
        return read(Files.readAllBytes(model));
    }

    /** The entries of a zip held in memory (a DL4J network payload is one), by name. */
    static Map<String, byte[]> read(byte[] zipBytes) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                parts.put(e.getName(), zip.readAllBytes());
            }
        }
        return parts;
    }

    /** Puts {@code manifest} in as {@code manifest.json}, with a {@code manifest.sha256} that matches it. */
    static void putManifest(Map<String, byte[]> parts, byte[] manifest) {
        parts.put("manifest.json", manifest);
        parts.put("manifest.sha256", Checksums.sha256(manifest).getBytes(StandardCharsets.US_ASCII));
    }

    /** The parts as a zip, one entry each, in the map's order. */
    static byte[] bytes(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Writes the parts as a zip to {@code file}; returns it. */
    static Path write(Path file, Map<String, byte[]> parts) throws IOException {
        Files.write(file, bytes(parts));
        return file;
    }

    /** Where {@code needle} first stands in {@code hay}, or -1. */
    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
