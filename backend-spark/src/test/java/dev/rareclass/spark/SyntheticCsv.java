package dev.rareclass.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * A seeded table written as CSV for the tests: {@code x1} and {@code x2} carry the signal (their means shift by
 * {@code signal} and {@code signal / 2} standard deviations for positives), {@code noise} none, {@code colour} is
 * categorical text (red more often among positives), and {@code label} is {@code yes} for exactly {@code positives}
 * rows spread at random. Every row differs from the others in its doubles, so the engine's row keys are distinct.
 */
final class SyntheticCsv {

    private SyntheticCsv() {
    }

    static final String LABEL = "label";
    static final String POSITIVE = "yes";

    static final String HEADER = "x1,x2,noise,colour,label";

    static Path write(Path file, int rows, int positives, double signal, long seed) {
        return write(file, rows, positives, signal, seed, HEADER);
    }

    /** The same table under another header of five names (the label last). */
    static Path write(Path file, int rows, int positives, double signal, long seed, String header) {
        Random random = new Random(seed);
        boolean[] positive = new boolean[rows];
        for (int i = 0; i < positives; i++) {
            positive[i] = true;
        }
        for (int i = rows - 1; i > 0; i--) { // Fisher-Yates: the positives at random places
            int j = random.nextInt(i + 1);
            boolean t = positive[i];
            positive[i] = positive[j];
            positive[j] = t;
        }
        String[] colours = {"red", "green", "blue"};
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write(header + "\n");
            for (int i = 0; i < rows; i++) {
                double shift = positive[i] ? signal : 0;
                String colour = positive[i] && random.nextDouble() < 0.5 ? "red" : colours[random.nextInt(3)];
                out.write(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%s,%s%n", random.nextGaussian() + shift,
                        random.nextGaussian() + shift / 2, random.nextGaussian(), colour, positive[i] ? "yes" : "no"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes the lines as they are. */
    static Path lines(Path file, String... lines) {
        try {
            Files.writeString(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
