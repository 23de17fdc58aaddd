package dev.rareclass.dl4j.bench;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainingContext;
import dev.rareclass.dl4j.MlpTrainerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The DL4J side of {@code scripts/bench/dl4j/run.sh}: reads the CSV (label column {@code y}), standardizes it
 * as pandas does (mean, sample standard deviation), trains {@code mlp@dl4j} with the same architecture,
 * optimizer, batch and epochs as {@code torch_bench.py}, and prints one JSON line with per-epoch times.
 * Not a test. {@code args: CSV CONFIG EPOCHS} with CONFIG {@code a} (16-16-1 tanh, adam, batch 64) or
 * {@code b} (256-256-256-1 relu, dropout 0.3, adam, batch 2048).
 */
public final class MlpBench {

    private MlpBench() {
    }

    public static void main(String[] args) throws IOException {
        long tStart = System.nanoTime();
        Path csv = Path.of(args[0]);
        String config = args[1];
        int epochs = Integer.parseInt(args[2]);
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.getFirst().split(",");
        int cols = header.length - 1;
        int rows = lines.size() - 1;
        float[] x = new float[rows * cols];
        int[] y = new int[rows];
        for (int r = 0; r < rows; r++) {
            String line = lines.get(r + 1);
            int from = 0;
            for (int c = 0; c <= cols; c++) {
                int to = line.indexOf(',', from);
                String field = to < 0 ? line.substring(from) : line.substring(from, to);
                if (c == cols) {
                    y[r] = Integer.parseInt(field);
                } else {
                    x[r * cols + c] = Float.parseFloat(field);
                }
                from = to + 1;
            }
        }
        standardize(x, rows, cols);
        FeatureMatrix fx = FeatureMatrix.wrap(rows, cols, x);
        Labels ly = Labels.wrap(y);
        List<String> params = switch (config) {
            case "a" -> List.of("hidden=16,16", "activation=tanh", "init=glorot-uniform", "optimizer=adam",
                    "learning-rate=0.001", "batch-size=64", "l2=0");
            case "b" -> List.of("hidden=256,256,256", "activation=relu", "dropout=0.3", "optimizer=adam",
                    "learning-rate=0.001", "batch-size=2048", "l2=0");
            default -> throw new IllegalArgumentException("config a or b");
        };
        int batch = config.equals("a") ? 64 : 2048;
        long tData = System.nanoTime();
        List<Long> marks = new ArrayList<>();
        marks.add(System.nanoTime());
        TrainingContext ctx = TrainingContext.ofSeed(0).withProgress((task, done, total) -> marks.add(System.nanoTime()));
        List<String> all = new ArrayList<>(params);
        all.add("epochs=" + epochs);
        new MlpTrainerFactory().create(Hyperparameters.parse(all)).train(fx, ly, ctx);
        long tEnd = System.nanoTime();
        StringBuilder epochS = new StringBuilder();
        for (int i = 1; i < marks.size(); i++) {
            epochS.append(i > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.4f", (marks.get(i) - marks.get(i - 1)) / 1e9));
        }
        // the first mark is taken before the network is built: epoch 1 includes native loading and init
        long steps = (long) epochs * ((rows + batch - 1) / batch);
        double trainS = (marks.getLast() - marks.getFirst()) / 1e9;
        double laterS = marks.size() > 2 ? (marks.getLast() - marks.get(1)) / 1e9 : trainS;
        long laterSteps = marks.size() > 2 ? (long) (epochs - 1) * ((rows + batch - 1) / batch) : steps;
        System.out.printf(Locale.ROOT, "{\"impl\": \"dl4j\", \"config\": \"%s\", \"omp\": \"%s\", \"rows\": %d, \"epochs\": %d, "
                        + "\"steps\": %d, \"load_s\": %.4f, \"train_s\": %.4f, \"epoch_s\": [%s], \"ms_per_step\": %.4f, "
                        + "\"ms_per_step_after_epoch1\": %.4f, \"in_process_s\": %.4f}%n",
                config, System.getenv("OMP_NUM_THREADS"), rows, epochs, steps, (tData - tStart) / 1e9, trainS, epochS,
                1000 * trainS / steps, 1000 * laterS / laterSteps, (tEnd - tStart) / 1e9);
    }

    /** (x − mean) / std per column, std with n − 1 as pandas. */
    private static void standardize(float[] x, int rows, int cols) {
        for (int c = 0; c < cols; c++) {
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                sum += x[r * cols + c];
            }
            double mean = sum / rows;
            double ss = 0;
            for (int r = 0; r < rows; r++) {
                double d = x[r * cols + c] - mean;
                ss += d * d;
            }
            double sd = Math.sqrt(ss / (rows - 1));
            for (int r = 0; r < rows; r++) {
                x[r * cols + c] = (float) ((x[r * cols + c] - mean) / (sd == 0 ? 1 : sd));
            }
        }
    }
}
