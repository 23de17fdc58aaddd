package dev.rareclass.app.serve;

import dev.rareclass.embed.RareclassModel;
import java.nio.file.Path;

/**
 * One model the server answers for: its name in URLs ({@code /v2/models/NAME}), the loaded model and the file it
 * came from (CSV bodies are read as that model's training file was).
 */
public record ServedModel(String name, RareclassModel model, Path file) {

    /** What the model is, for people: {@code random-forest@smile, threshold 0.42}. */
    public String summary(java.util.function.DoubleFunction<String> number) {
        return model.kind() + "@" + model.backend() + ", threshold " + number.apply(model.threshold());
    }

    /** The longest model name. */
    public static final int MAX_NAME = 128;

    /** A name is one URL path segment: up to {@link #MAX_NAME} letters, digits, '.', '_' and '-', starting with a letter or digit. */
    public static boolean validName(String name) {
        return name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_NAME - 1) + "}");
    }

    /** The file name without its extension ({@code models/fraud.model} is {@code fraud}). */
    public static String defaultName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
