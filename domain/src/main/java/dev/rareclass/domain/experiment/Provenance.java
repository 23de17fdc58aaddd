package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.ReadingOptions;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a model came from, stored in its manifest so a result can be traced and reproduced.
 *
 * @param createdAt        ISO-8601 instant of training
 * @param rareclassVersion the tool's version
 * @param javaVersion      the JVM's version
 * @param dataSource       the training file as given
 * @param dataSha256       SHA-256 of the training file's bytes ("" for generated data)
 * @param seed             the seed every random step derived from
 * @param trainingRows     rows the classifier was fitted on
 * @param validationRows   rows held out to choose the threshold and report validation metrics
 * @param reading          how the training file was read, so the same kind of file is read the same way to
 *                         score it ({@link ReadingOptions#NONE} when unknown)
 * @param environment      the machine and build it was trained on
 * @param selection        how the threshold was chosen and the model refit, in words (e.g. "threshold on 938
 *                         held-out rows of a first fit; refit on all 4,687 rows"); "" when unknown (older files)
 * @param shiftLabels      {@code --shift-labels}: the N rows before each event were the positives the model learned,
 *                         the event rows dropped; 0 when the labels were taken as the file has them (older files)
 */
public record Provenance(String createdAt, String rareclassVersion, String javaVersion, String dataSource,
                         String dataSha256, long seed, int trainingRows, int validationRows, ReadingOptions reading,
                         Environment environment, String selection, int shiftLabels) {

    public Provenance {
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(selection, "selection");
        if (shiftLabels < 0) {
            throw new IllegalArgumentException("shift_labels is negative: " + shiftLabels);
        }
    }

    /** A provenance without reading options or environment (older model files). */
    public Provenance(String createdAt, String rareclassVersion, String javaVersion, String dataSource,
                      String dataSha256, long seed, int trainingRows, int validationRows) {
        this(createdAt, rareclassVersion, javaVersion, dataSource, dataSha256, seed, trainingRows, validationRows,
                ReadingOptions.NONE, Environment.UNKNOWN, "", 0);
    }

    /** A model trained now, on this machine. */
    public static Provenance now(String dataSource, String dataSha256, long seed, int trainingRows, int validationRows) {
        return new Provenance(Instant.now().toString(), Versions.rareclass(), Runtime.version().toString(), dataSource,
                dataSha256, seed, trainingRows, validationRows, ReadingOptions.NONE, Environment.current(), "", 0);
    }

    public Provenance withReading(ReadingOptions how) {
        return new Provenance(createdAt, rareclassVersion, javaVersion, dataSource, dataSha256, seed, trainingRows,
                validationRows, how, environment, selection, shiftLabels);
    }

    /** With the checksum of the data file, computed beside the fit (see {@link Overlapped}). */
    public Provenance withDataSha256(String sha256) {
        return new Provenance(createdAt, rareclassVersion, javaVersion, dataSource, sha256, seed, trainingRows,
                validationRows, reading, environment, selection, shiftLabels);
    }

    /** With the words saying how the threshold was chosen and the model refit. */
    public Provenance withSelection(String how) {
        return new Provenance(createdAt, rareclassVersion, javaVersion, dataSource, dataSha256, seed, trainingRows,
                validationRows, reading, environment, how, shiftLabels);
    }

    /** With the {@code --shift-labels} the training labels were read with (0: none). */
    public Provenance withShiftLabels(int rows) {
        return new Provenance(createdAt, rareclassVersion, javaVersion, dataSource, dataSha256, seed, trainingRows,
                validationRows, reading, environment, selection, rows);
    }
}
