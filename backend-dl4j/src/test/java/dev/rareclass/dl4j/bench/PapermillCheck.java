package dev.rareclass.dl4j.bench;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import dev.rareclass.domain.threshold.ThresholdPolicies;
import dev.rareclass.dl4j.AutoencoderTrainerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * PRODUCT §9.3's paper-mill check, the Java side of {@code scripts/bench/papermill/run.sh}: reads the
 * article-protocol split that {@code split.py} wrote (train/valid/test CSVs, label last), standardizes with a
 * scaler fitted on the negative training rows (population standard deviation, as StandardScaler), trains
 * {@code autoencoder@dl4j} on the negative training rows with the given parameters (validation rows for
 * keeping the best epoch by negative-validation reconstruction error), and prints one JSON line: test
 * ROC-AUC and PR-AUC, and test recall and FPR at the threshold of maximum F1 on validation and at the
 * threshold giving 6.3% FPR on the validation negatives; and the validation rows' ROC-AUC and recall at that
 * threshold, to choose designs by without the test rows. Not a test.
 * {@code args: SPLIT_DIR NAME [param=value ...]}
 */
public final class PapermillCheck {

    private PapermillCheck() {
    }

    record Part(FeatureMatrix x, int[] y) {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String name = args[1];
        List<String> params = new ArrayList<>(Arrays.asList(args).subList(2, args.length));
        Part train = read(dir.resolve("train.csv"));
        Part valid = read(dir.resolve("valid.csv"));
        Part test = read(dir.resolve("test.csv"));
        int d = train.x.cols();
        double[] mean = new double[d];
        double[] sd = new double[d];
        int neg = 0;
        for (int r = 0; r < train.y.length; r++) {
            if (train.y[r] == 0) {
                neg++;
                for (int c = 0; c < d; c++) {
                    mean[c] += train.x.get(r, c);
                }
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= neg;
        }
        for (int r = 0; r < train.y.length; r++) {
            if (train.y[r] == 0) {
                for (int c = 0; c < d; c++) {
                    double z = train.x.get(r, c) - mean[c];
                    sd[c] += z * z;
                }
            }
        }
        for (int c = 0; c < d; c++) {
            sd[c] = Math.sqrt(sd[c] / neg);
            if (sd[c] < 1e-12) {
                sd[c] = 1;
            }
        }
        FeatureMatrix xTrain = scale(train.x, mean, sd);
        FeatureMatrix xValid = scale(valid.x, mean, sd);
        FeatureMatrix xTest = scale(test.x, mean, sd);

        long t0 = System.nanoTime();
        TrainedClassifier ae = new AutoencoderTrainerFactory().create(Hyperparameters.parse(params))
                .train(xTrain, Labels.of(train.y), TrainingContext.ofSeed(1).withValidation(xValid, Labels.of(valid.y)));
        double trainS = (System.nanoTime() - t0) / 1e9;
        double[] ev = ae.scores(xValid);
        double[] et = ae.scores(xTest);
        double thrF1 = ThresholdPolicies.parse("max-f1").choose(valid.y, ev);
        // numpy.quantile(ev[negatives], 1 - 0.063), linear interpolation; "score > threshold" is positive there,
        // rareclass's ">= threshold" differs only on ties
        double[] evNeg = Arrays.stream(indices(valid.y, 0)).mapToDouble(i -> ev[i]).sorted().toArray();
        double pos = (1 - 0.063) * (evNeg.length - 1);
        int lo = (int) Math.floor(pos);
        double thr63 = evNeg[lo] + (pos - lo) * (evNeg[Math.min(lo + 1, evNeg.length - 1)] - evNeg[lo]);
        thr63 = Math.nextUp(thr63);
        BinaryMetrics atF1 = BinaryMetrics.compute(test.y, et, thrF1, false);
        BinaryMetrics at63 = BinaryMetrics.compute(test.y, et, thr63, false);
        // the same threshold on the validation rows: a figure to choose designs by without looking at the test rows
        BinaryMetrics valid63 = BinaryMetrics.compute(valid.y, ev, thr63, false);
        var history = ae.history().orElseThrow();
        System.out.printf(Locale.ROOT, "{\"design\":\"%s\",\"params\":\"%s\",\"features\":%d,\"roc_auc\":%.3f,\"pr_auc\":%.3f,"
                        + "\"maxf1\":{\"recall\":%.3f,\"fpr\":%.3f,\"tp\":%d,\"fp\":%d,\"tn\":%d,\"fn\":%d},"
                        + "\"fpr6.3\":{\"recall\":%.3f,\"fpr\":%.3f,\"tp\":%d,\"fp\":%d,\"tn\":%d,\"fn\":%d},"
                        + "\"valid\":{\"roc_auc\":%.3f,\"recall6.3\":%.3f},"
                        + "\"epochs_run\":%d,\"best_epoch\":%d,\"train_s\":%.1f}%n",
                name, String.join(" ", params), d, atF1.get(MetricName.ROC_AUC), atF1.get(MetricName.PR_AUC),
                atF1.get(MetricName.RECALL), 1 - atF1.get(MetricName.SPECIFICITY), (int) atF1.get(MetricName.TP),
                (int) atF1.get(MetricName.FP), (int) atF1.get(MetricName.TN), (int) atF1.get(MetricName.FN),
                at63.get(MetricName.RECALL), 1 - at63.get(MetricName.SPECIFICITY), (int) at63.get(MetricName.TP),
                (int) at63.get(MetricName.FP), (int) at63.get(MetricName.TN), (int) at63.get(MetricName.FN),
                valid63.get(MetricName.ROC_AUC), valid63.get(MetricName.RECALL),
                history.epochs().size(), history.bestEpoch(), trainS);
    }

    static int[] indices(int[] y, int label) {
        return java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] == label).toArray();
    }

    static FeatureMatrix scale(FeatureMatrix x, double[] mean, double[] sd) {
        int d = x.cols();
        float[] out = new float[x.rows() * d];
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < d; c++) {
                out[r * d + c] = (float) ((x.get(r, c) - mean[c]) / sd[c]);
            }
        }
        return FeatureMatrix.wrap(x.rows(), d, out);
    }

    static Part read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        int cols = lines.getFirst().split(",").length - 1;
        int rows = lines.size() - 1;
        float[] x = new float[rows * cols];
        int[] y = new int[rows];
        for (int r = 0; r < rows; r++) {
            String[] f = lines.get(r + 1).split(",");
            for (int c = 0; c < cols; c++) {
                x[r * cols + c] = Float.parseFloat(f[c]);
            }
            y[r] = (int) Double.parseDouble(f[cols]);
        }
        return new Part(FeatureMatrix.wrap(rows, cols, x), y);
    }
}
