package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probabilities after SMOTE describe the real data again: on mammography (2.3% positive), logistic regression
 * trained with SMOTE on two thirds of the rows gives the held-out third a mean probability near the base rate and a
 * lower Brier score than the same model's uncorrected probabilities (SMOTE balances the classes, so
 * {@code --deploy-prevalence 0.5} maps them onto themselves: the uncorrected model). Measured when written (the model
 * refit on all training rows after its threshold was chosen): base rate 0.0233, mean p 0.0247 corrected against 0.2121
 * uncorrected, Brier 0.0138 against 0.0832; {@code --calibration isotonic} 0.0137 (mean p 0.0261) and
 * {@code --calibration sigmoid} 0.0148 (mean p 0.0257), fitted on the held-out fifth of the training part; isotonic
 * moved to {@code --deploy-prevalence 0.005}: mean p 0.0063 on the held-out rows reweighted to 0.5% positives. The correction is exact
 * for calibrated probabilities; a random forest's votes are not, and there it overshoots (mean p 0.0077 against
 * 0.0704 uncorrected, Brier 0.0161 against 0.0156).
 */
class PriorCorrectionTest {

    @TempDir
    Path dir;

    @Test
    void afterSmoteTheMeanProbabilityIsNearTheBaseRateAndBrierDrops() throws Exception {
        HeldOutThird split = HeldOutThird.ofMammography(dir);
        double[] corrected = meanAndBrier(split.trainAndPredict(dir, "corrected", "--model", "logistic", "--sampler",
                "smote"));
        double[] raw = meanAndBrier(split.trainAndPredict(dir, "raw", "--model", "logistic", "--sampler", "smote",
                "--deploy-prevalence", "0.5"));
        double base = corrected[2];
        System.out.printf("mammography held out: base rate %.4f; mean p corrected %.4f, uncorrected %.4f; "
                + "Brier corrected %.5f, uncorrected %.5f%n", base, corrected[0], raw[0], corrected[1], raw[1]);
        assertThat(corrected[0]).as("mean probability within a factor of 1.5 of the base rate")
                .isBetween(base / 1.5, base * 1.5);
        assertThat(raw[0]).as("uncorrected: far above the base rate").isGreaterThan(base * 1.5);
        assertThat(corrected[1]).as("Brier score").isLessThan(raw[1]);

        CliRun inspect = CliRun.of("inspect", dir.resolve("corrected.model").toString());
        assertThat(inspect.out()).contains("prior correction").contains("learned from to");

        // isotonic and sigmoid calibration, fitted on the held-out fifth of the training part, lower it too
        double[] isotonic = meanAndBrier(split.trainAndPredict(dir, "isotonic", "--model", "logistic", "--sampler",
                "smote", "--calibration", "isotonic"));
        double[] sigmoid = meanAndBrier(split.trainAndPredict(dir, "sigmoid", "--model", "logistic", "--sampler",
                "smote", "--calibration", "sigmoid"));
        System.out.printf("mammography held out: Brier isotonic %.5f, sigmoid %.5f; mean p isotonic %.4f, sigmoid "
                + "%.4f%n", isotonic[1], sigmoid[1], isotonic[0], sigmoid[0]);
        assertThat(isotonic[1]).as("Brier score, isotonic").isLessThan(raw[1]);
        assertThat(sigmoid[1]).as("Brier score, sigmoid").isLessThan(raw[1]);
        assertThat(isotonic[0]).as("isotonic: mean probability near the base rate").isBetween(base / 1.5, base * 1.5);
        assertThat(CliRun.of("inspect", dir.resolve("isotonic.model").toString()).out())
                .contains("calibration").contains("isotonic:");

        // with a deploy prevalence the calibrated probabilities are moved to it: on the held-out rows reweighted to
        // that base rate (positives by 0.005 / base, negatives by 0.995 / (1 - base): the same rows as a population
        // with 0.5% positives), the mean probability is near 0.005
        double deployedMean = meanAtPrevalence(split.trainAndPredict(dir, "deployed", "--model", "logistic",
                "--sampler", "smote", "--calibration", "isotonic", "--deploy-prevalence", "0.005"), base, 0.005);
        System.out.printf("mammography held out, reweighted to 0.5%% positives: mean p %.5f%n", deployedMean);
        assertThat(deployedMean).as("mean probability, isotonic moved to a deploy prevalence of 0.005")
                .isBetween(0.005 / 1.5, 0.005 * 1.5);
        assertThat(CliRun.of("inspect", dir.resolve("deployed.model").toString()).out())
                .contains("moved from the training base rate").contains("to the deploy prevalence 0.005");
    }

    /**
     * imbalanced-learn's bagged ensembles under-sample every member to the minority's size, so their probabilities
     * describe half positives whatever the rows' share; they are left so by default, as imbalanced-learn leaves them,
     * and {@code --deploy-prevalence} maps from that half. It mapped from the rows' share, which the ensemble never
     * learned: asked for the base rate itself, it changed nothing. Measured when written: mean p 0.1536 as learned, 0.0229
     * moved to the held-out rows' 0.0233, Brier 0.0512 against 0.0155.
     */
    @Test
    void aBalancedEnsembleIsMovedFromHalfPositivesToTheDeployPrevalence() throws Exception {
        HeldOutThird split = HeldOutThird.ofMammography(dir);
        double[] asLearned = meanAndBrier(split.trainAndPredict(dir, "bagging", "--model", "balanced-bagging"));
        double base = asLearned[2];
        double[] deployed = meanAndBrier(split.trainAndPredict(dir, "bagging-deployed", "--model", "balanced-bagging",
                "--deploy-prevalence", String.format(java.util.Locale.ROOT, "%.4f", base)));
        System.out.printf("mammography held out, balanced-bagging: base rate %.4f; mean p as learned %.4f, moved to "
                + "the base rate %.4f; Brier %.5f against %.5f%n", base, asLearned[0], deployed[0], asLearned[1],
                deployed[1]);
        assertThat(asLearned[0]).as("as imbalanced-learn's: a world of half positives").isGreaterThan(base * 4);
        assertThat(deployed[0]).as("moved to the base rate").isLessThan(base * 2.5);
        assertThat(deployed[1]).as("Brier score").isLessThan(asLearned[1]);
        assertThat(CliRun.of("inspect", dir.resolve("bagging-deployed.model").toString()).out())
                .contains("mapped from the 50.00% positives the classifier learned from");
        assertThat(CliRun.of("inspect", dir.resolve("bagging.model").toString()).out())
                .doesNotContain("prior correction");
    }

    @Test
    void anomalyScoresAreNotCalibratedAndTheRefusalComesBeforeAnyFit() throws Exception {
        Path csv = dir.resolve("tiny.csv");
        StringBuilder b = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 40; i++) {
            b.append(i % 7).append(',').append(i % 5).append(',').append(i % 10 == 0 ? 1 : 0).append('\n');
        }
        java.nio.file.Files.writeString(csv, b);
        CliRun run = CliRun.of("train", csv.toString(), "--label", "y", "--positive", "1", "--model",
                "autoencoder@dl4j", "--calibration", "sigmoid", "--out", dir.resolve("ae.model").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("autoencoder@dl4j gives anomaly scores").contains("use the calibration 'none'")
                .doesNotContain("epoch").doesNotContain("Exception");
        assertThat(dir.resolve("ae.model")).doesNotExist();
    }

    /** The mean p of predicted rows (row,y,p,predicted) weighted as a population with positive share {@code to}. */
    private static double meanAtPrevalence(List<String> rows, double from, double to) {
        double sum = 0;
        double weights = 0;
        for (String row : rows) {
            String[] c = row.split(",");
            double w = Double.parseDouble(c[1]) == 1 ? to / from : (1 - to) / (1 - from);
            sum += w * Double.parseDouble(c[2]);
            weights += w;
        }
        return sum / weights;
    }

    /** Mean p, Brier score and positive share of predicted rows (row,y,p,predicted). */
    private static double[] meanAndBrier(List<String> rows) {
        double sum = 0;
        double brier = 0;
        double positives = 0;
        for (String row : rows) {
            String[] c = row.split(",");
            double y = Double.parseDouble(c[1]);
            double prob = Double.parseDouble(c[2]);
            sum += prob;
            brier += (prob - y) * (prob - y);
            positives += y;
        }
        int n = rows.size();
        return new double[] {sum / n, brier / n, positives / n};
    }
}
