package dev.rareclass.domain.experiment;

/**
 * Mean and population standard deviation (ddof = 0, as numpy's default) of one metric over folds.
 */
public record Summary(double mean, double std) {

    public static Summary of(double[] values) {
        if (values.length == 0) {
            return new Summary(Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double sq = 0;
        for (double v : values) {
            sq += (v - mean) * (v - mean);
        }
        return new Summary(mean, Math.sqrt(sq / values.length));
    }
}
