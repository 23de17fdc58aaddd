package dev.rareclass.domain.experiment;

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
 */
public record Provenance(String createdAt, String rareclassVersion, String javaVersion, String dataSource,
                         String dataSha256, long seed, int trainingRows, int validationRows) {
}
