package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** How the model-file attack tests check a refusal: {@code predict} with the forged model, as a user runs it. */
final class ModelRefusal {

    private ModelRefusal() {
    }

    /**
     * Predicts {@code data} with {@code model} into {@code dir}; asserts exit 65 with one or two plain lines that name the
     * model file and {@code mentions}, no stack trace, and no predictions written. Prints the case for the closing
     * note's table of refusals.
     */
    static void assertRefused(Path model, Path data, Path dir, String mentions) {
        InProcessCli r = predict(model, data, dir);
        String err = r.err().strip();
        System.out.printf("MODEL %-30s exit %d  %s%n", model.getFileName(), r.exitCode(), err);
        assertThat(r.exitCode()).as(err).isEqualTo(65);
        assertThat(err).contains(model.getFileName().toString()).contains(mentions)
                .doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(err.lines().count()).isLessThanOrEqualTo(2);
    }

    /** Predicts {@code data} with {@code model} into {@code dir}; a failed run must leave no predictions behind. */
    static InProcessCli predict(Path model, Path data, Path dir) {
        Path out = dir.resolve("p-" + model.getFileName() + ".csv");
        InProcessCli r = InProcessCli.run("predict", model.toString(), data.toString(), "--out", out.toString());
        if (r.exitCode() != 0) {
            assertThat(out).as("no predictions written").doesNotExist();
        }
        return r;
    }
}
