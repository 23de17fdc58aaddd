package dev.rareclass.dl4j.bench;

import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Fold;
import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.Splits;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import dev.rareclass.domain.preprocess.FittedPreprocessor;
import dev.rareclass.domain.preprocess.PreprocessingSpec;
import dev.rareclass.dl4j.MlpTrainerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Java side of {@code scripts/bench/text/run.sh}: rt-polarity (Latin-1, one sentence a line) in stratified
 * 5-fold cross-validation; per fold the vocabulary (top {@code WORDS} words by document frequency, binary) is
 * fitted on the training rows by {@link FittedPreprocessor}, then {@code mlp@dl4j} 16-16 relu, rmsprop
 * (learning rate 0.001, rho 0.99: PyTorch's RMSprop default, as in the peer), 4 epochs, batch 512 is trained on all training rows (as the PyTorch peer: no
 * validation hold-out) and judged by accuracy at 0.5. The sparse (embedding-sum) path runs on every fold; the
 * dense path (the same rows as a dense rows × WORDS matrix) on the first {@code DENSE_FOLDS} folds. Seconds
 * per epoch in those runs are the median of each training's epochs after the first, medians again over folds
 * ({@code *_epoch_s}): they still include the JIT compiler warming up, which costs the Java-heavy sparse path
 * more than the dense path's native matrix products. Then both paths train {@code TIMING_EPOCHS} more epochs on
 * fold 0's rows, warm, and {@code *_warm_epoch_s} are the medians of those epochs after the first. Prints one JSON
 * line. Not a test. {@code args: DATASET_DIR [WORDS=10000] [DENSE_FOLDS=1] [EPOCHS=4] [TIMING_EPOCHS=10]}
 */
public final class TextBench {

    private TextBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int words = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int denseFolds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int timingEpochs = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        List<String> docs = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String name : new String[] {"rt-polarity.pos", "rt-polarity.neg"}) {
            for (String line : Files.readAllLines(dir.resolve(name), StandardCharsets.ISO_8859_1)) {
                if (!line.isBlank()) {
                    docs.add(line);
                    labels.add(name.endsWith("pos") ? 1 : 0);
                }
            }
        }
        int n = docs.size();
        int[] rowNumbers = new int[n];
        for (int i = 0; i < n; i++) {
            rowNumbers[i] = i + 1;
        }
        Labels y = Labels.of(labels.stream().mapToInt(Integer::intValue).toArray());
        Table table = new Table(dir.toString(), List.<Column>of(new TextColumn("text", docs.toArray(String[]::new))), y,
                new LabelMapping("label", "pos"), rowNumbers, List.of());
        Hyperparameters hp = Hyperparameters.parse(List.of("hidden=16,16", "activation=relu", "optimizer=rmsprop", "rho=0.99",
                "learning-rate=0.001", "epochs=" + epochs, "batch-size=512", "l2=0", "early-stopping=none"));
        PreprocessingSpec spec = PreprocessingSpec.STANDARD.withVocabulary(words);

        List<Fold> folds = Splits.stratifiedKFold(y, 5, 0);
        double sparseAcc = 0;
        double denseAcc = 0;
        List<Double> sparseEpochs = new ArrayList<>();
        List<Double> denseEpochs = new ArrayList<>();
        double vectorizeS = 0;
        int f = 0;
        List<String> perFold = new ArrayList<>();
        FeatureMatrix firstTrain = null;
        Labels firstLabels = null;
        for (Fold fold : folds) {
            long t0 = System.nanoTime();
            Table train = table.selectRows(fold.train());
            Table test = table.selectRows(fold.test());
            FittedPreprocessor pre = FittedPreprocessor.fit(train, spec);
            FeatureMatrix xTrain = pre.transform(train);
            FeatureMatrix xTest = pre.transform(test);
            vectorizeS += (System.nanoTime() - t0) / 1e9;
            Labels yTrain = train.requireLabels();
            int[] yTest = test.requireLabels().toArray();
            if (f == 0) {
                firstTrain = xTrain;
                firstLabels = yTrain;
            }

            Fit sparse = fit(hp, f, xTrain, yTrain, xTest, yTest);
            sparseAcc += sparse.accuracy();
            sparseEpochs.add(sparse.epochSeconds());
            String line = String.format(Locale.ROOT, "{\"fold\":%d,\"sparse_acc\":%.4f,\"sparse_epoch_s\":%.4f", f,
                    sparse.accuracy(), sparse.epochSeconds());
            if (f < denseFolds) {
                Fit dense = fit(hp, f, xTrain.sparse().orElseThrow().toDense(), yTrain,
                        xTest.sparse().orElseThrow().toDense(), yTest);
                denseAcc += dense.accuracy();
                denseEpochs.add(dense.epochSeconds());
                line += String.format(Locale.ROOT, ",\"dense_acc\":%.4f,\"dense_epoch_s\":%.4f", dense.accuracy(),
                        dense.epochSeconds());
            }
            perFold.add(line + "}");
            f++;
        }
        int k = folds.size();
        int dk = Math.min(denseFolds, k);
        // warm timing: both paths on fold 0's rows, after everything above has run
        Hyperparameters timing = Hyperparameters.parse(List.of("hidden=16,16", "activation=relu", "optimizer=rmsprop", "rho=0.99",
                "learning-rate=0.001", "epochs=" + timingEpochs, "batch-size=512", "l2=0", "early-stopping=none"));
        List<Long> sparseMarks = new ArrayList<>();
        new MlpTrainerFactory().create(timing).train(firstTrain, firstLabels, timed(0, sparseMarks));
        List<Long> denseMarks = new ArrayList<>();
        new MlpTrainerFactory().create(timing).train(firstTrain.sparse().orElseThrow().toDense(), firstLabels, timed(0, denseMarks));
        System.out.printf(Locale.ROOT, "{\"rows\":%d,\"words\":%d,\"epochs\":%d,\"sparse_acc\":%.4f,\"sparse_epoch_s\":%.4f,"
                        + "\"dense_folds\":%d,\"dense_acc\":%s,\"dense_epoch_s\":%s,\"timing_epochs\":%d,\"sparse_warm_epoch_s\":%.4f,"
                        + "\"dense_warm_epoch_s\":%.4f,\"vectorize_s_per_fold\":%.3f,\"folds\":[%s]}%n",
                n, words, epochs, sparseAcc / k, median(sparseEpochs), dk,
                dk == 0 ? "null" : String.format(Locale.ROOT, "%.4f", denseAcc / dk),
                dk == 0 ? "null" : String.format(Locale.ROOT, "%.4f", median(denseEpochs)), timingEpochs,
                laterEpochSeconds(sparseMarks), laterEpochSeconds(denseMarks), vectorizeS / k, String.join(",", perFold));
    }

    /** A training context for fold {@code f} whose progress calls (one per epoch) record the time in {@code marks}. */
    /** A fold's test accuracy and its median time per epoch after the first. */
    record Fit(double accuracy, double epochSeconds) {
    }

    /** Trains an {@code mlp} on {@code x} (sparse or dense) and scores it on the test rows. */
    static Fit fit(Hyperparameters hp, int f, FeatureMatrix x, Labels y, FeatureMatrix test, int[] yTest) {
        List<Long> marks = new ArrayList<>();
        TrainedClassifier model = new MlpTrainerFactory().create(hp).train(x, y, timed(f, marks));
        double seconds = laterEpochSeconds(marks);
        return new Fit(accuracy(model.scores(test), yTest), seconds);
    }

    static TrainingContext timed(int f, List<Long> marks) {
        marks.add(System.nanoTime());
        return TrainingContext.ofSeed(f).withProgress((task, done, total) -> marks.add(System.nanoTime()));
    }

    /** Median seconds of the epochs after the first (marks: start, then one per epoch). */
    static double laterEpochSeconds(List<Long> marks) {
        List<Double> later = new ArrayList<>();
        for (int i = 2; i < marks.size(); i++) {
            later.add((marks.get(i) - marks.get(i - 1)) / 1e9);
        }
        return later.isEmpty() ? (marks.getLast() - marks.getFirst()) / 1e9 : median(later);
    }

    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int m = v.size() / 2;
        return v.size() % 2 == 1 ? v.get(m) : (v.get(m - 1) + v.get(m)) / 2;
    }

    static double accuracy(double[] p, int[] y) {
        int ok = 0;
        for (int i = 0; i < y.length; i++) {
            if ((p[i] >= 0.5 ? 1 : 0) == y[i]) {
                ok++;
            }
        }
        return (double) ok / y.length;
    }
}
