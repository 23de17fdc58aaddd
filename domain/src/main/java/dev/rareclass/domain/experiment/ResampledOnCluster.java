package dev.rareclass.domain.experiment;

/**
 * What {@code resample --engine spark} wrote.
 *
 * @param input          rows read
 * @param output         rows written
 * @param positivesAfter positive rows among them
 * @param oneFile        whether the output is one CSV file (else a folder of part files)
 */
public record ResampledOnCluster(long input, long output, long positivesAfter, boolean oneFile) {
}
