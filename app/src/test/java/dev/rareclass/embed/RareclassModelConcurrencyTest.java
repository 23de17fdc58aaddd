package dev.rareclass.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.app.cli.CliRun;
import dev.rareclass.domain.error.RareclassException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RareclassModel} is promised immutable and thread-safe: for every model kind, trained on real data (abalone,
 * as {@code ServeScoresTest}), 16 threads scoring one shared instance at once, in whole batches, single rows and
 * batches of any size, with reasons, get what one thread gets, to the last bit, and that is what {@code predict}
 * writes. Hostile rows (NaN, infinities, numbers past float range, wrong types, missing and extra columns, a bad row
 * among good ones, odd reason counts, a large batch) are answered with a score or a {@link RareclassException} naming
 * the problem, never another exception, and leave the model scoring as before.
 */
@Tag("slow")
class RareclassModelConcurrencyTest {

    static final Path ABALONE = Path.of("..", "..", "shared", "datasets", "abalone", "abalone.csv");
    private static final int THREADS = 16;

    @TempDir
    static Path dir;

    private static List<String[]> rows;
    private static List<Map<String, Object>> maps;

    @BeforeAll
    static void data() throws Exception {
        Assumptions.assumeTrue(Files.exists(ABALONE), "shared datasets not beside the checkout");
        rows = Files.readAllLines(ABALONE).stream().filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        List<Map<String, Object>> all = new ArrayList<>();
        for (String[] r : rows) {
            all.add(row(r));
        }
        maps = Collections.unmodifiableList(all);
    }

    /** One abalone row as the API takes it: the category as a string, the numbers as doubles, no label. */
    private static Map<String, Object> row(String[] r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("0", r[0]);
        for (int c = 1; c < 8; c++) {
            m.put(Integer.toString(c), Double.parseDouble(r[c]));
        }
        return Collections.unmodifiableMap(m);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"logistic@smile", "random-forest@smile", "gradient-boosting@smile",
        "gradient-boosting@xgboost", "svm@smile", "knn@smile", "decision-tree@smile", "adaboost@smile", "mlp@smile",
        "mlp@dl4j", "logistic@dl4j", "autoencoder@dl4j", "balanced-random-forest@smile", "balanced-bagging@smile",
        "easy-ensemble@smile", "rus-boost@smile"})
    void threadsSharingOneModelScoreAsOneThreadAndPredictDo(String kind) throws Exception {
        RareclassModel model = trained(kind);
        List<String> predicted = predicted(kind);

        // one thread, the whole table, with reasons: the reference, and predict's scores to the bit
        List<RareclassModel.Score> serial = model.score(maps, 2);
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = predicted.get(i).split(","); // row,y,p,predicted
            assertThat(Double.toString(serial.get(i).score())).as("row %d", i + 1).isEqualTo(cells[2]);
            assertThat(serial.get(i).label()).as("row %d", i + 1).isEqualTo(Integer.parseInt(cells[3]));
        }

        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        Queue<Throwable> thrown = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            threads.add(Thread.ofPlatform().name("scorer-" + t).start(() -> {
                try {
                    start.await();
                    SplittableRandom rng = new SplittableRandom(id);
                    for (int round = 0; round < 3; round++) {
                        // a batch of any size from anywhere, with reasons
                        int from = rng.nextInt(rows.size());
                        int to = Math.min(rows.size(), from + 1 + rng.nextInt(400));
                        compare(wrong, "rows " + (from + 1) + "-" + to, serial.subList(from, to),
                                model.score(maps.subList(from, to), 2));
                        // single rows, one at a time, without and with a reason
                        for (int k = 0; k < 12; k++) {
                            int r = rng.nextInt(rows.size());
                            RareclassModel.Score one = serial.get(r);
                            compare(wrong, "row " + (r + 1), List.of(new RareclassModel.Score(one.score(),
                                    one.positive(), List.of())), List.of(model.score(maps.get(r))));
                            List<RareclassModel.Reason> first = one.reasons().stream().limit(1).toList();
                            compare(wrong, "row " + (r + 1) + " with a reason", List.of(new RareclassModel.Score(
                                    one.score(), one.positive(), first)), List.of(model.score(maps.get(r), 1)));
                        }
                    }
                    // and the whole table once (every thread at the same time, near enough)
                    compare(wrong, "the whole table", serial, model.score(maps, 2));
                } catch (Throwable e) {
                    thrown.add(e);
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(thrown).as("exceptions in the scoring threads").isEmpty();
        assertThat(wrong).as("scores that differ from one thread's").isEmpty();

        hostileRowsAreRefusedByNameAndLeaveTheModelAsItWas(model, serial);
    }

    /** {@code got} equals {@code expected} score for score, label for label and reason for reason, to the bit. */
    private static void compare(Queue<String> wrong, String what, List<RareclassModel.Score> expected,
            List<RareclassModel.Score> got) {
        if (got.size() != expected.size()) {
            wrong.add(what + ": " + got.size() + " scores for " + expected.size() + " rows");
            return;
        }
        for (int i = 0; i < got.size(); i++) {
            RareclassModel.Score e = expected.get(i);
            RareclassModel.Score g = got.get(i);
            if (Double.doubleToRawLongBits(e.score()) != Double.doubleToRawLongBits(g.score())
                    || e.positive() != g.positive() || !e.reasons().equals(g.reasons())) {
                wrong.add(what + ", at " + (i + 1) + ": " + g + " where one thread gets " + e);
                return;
            }
        }
    }

    private static void hostileRowsAreRefusedByNameAndLeaveTheModelAsItWas(RareclassModel model,
            List<RareclassModel.Score> serial) {
        Map<String, Object> good = maps.get(0);
        // numbers that are no finite float: NaN is no missing value (null is), and no value is clipped
        for (Object bad : new Object[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN,
            1e300, -1e39, new BigDecimal("1e400")}) {
            assertThatThrownBy(() -> model.score(with(good, "3", bad))).as("%s", bad)
                    .isInstanceOf(RareclassException.class).hasMessageContaining("row 1, column '3'")
                    .hasMessageContaining("a finite number within float range");
        }
        assertThatThrownBy(() -> model.score(with(good, "3", " 1e39"))).isInstanceOf(RareclassException.class)
                .hasMessageContaining("row 1, column '3'").hasMessageContaining("a finite number within float range");
        // a number as text or a boolean is what the same field in a CSV file reads as
        assertThat(model.score(with(good, "3", " 0.5 "))).isEqualTo(model.score(with(good, "3", 0.5)));
        assertThat(model.score(with(good, "3", true))).isEqualTo(model.score(with(good, "3", 1.0)));
        // wrong types, in a numeric and in the categorical column
        for (Object bad : new Object[] {"half", 'x', List.of(0.5), Map.of("v", 0.5), new double[] {0.5}}) {
            assertThatThrownBy(() -> model.score(with(good, "3", bad))).as("%s", bad)
                    .isInstanceOf(RareclassException.class).hasMessageContaining("column '3': expected a number");
        }
        for (Object bad : new Object[] {List.of("M"), Map.of("v", "M"), new Object()}) {
            assertThatThrownBy(() -> model.score(with(good, "0", bad))).as("%s", bad)
                    .isInstanceOf(RareclassException.class).hasMessageContaining("column '0': expected a string");
        }
        // a missing column, an extra one, a row without the others' columns, a bad row among good ones
        Map<String, Object> missing = new LinkedHashMap<>(good);
        missing.remove("5");
        assertThatThrownBy(() -> model.score(missing)).isInstanceOf(RareclassException.class)
                .hasMessageContaining("column '5' is missing");
        assertThatThrownBy(() -> model.score(with(good, "extra", 1.0))).isInstanceOf(RareclassException.class)
                .hasMessageContaining("column 'extra' is not one the model reads");
        List<Map<String, ?>> mixed = new ArrayList<>(maps.subList(0, 50));
        mixed.set(37, missing);
        assertThatThrownBy(() -> model.score(mixed)).isInstanceOf(RareclassException.class)
                .hasMessageContaining("row 38").hasMessageContaining("'5' is missing");
        mixed.set(37, with(good, "2", Double.NaN));
        assertThatThrownBy(() -> model.score(mixed)).isInstanceOf(RareclassException.class)
                .hasMessageContaining("row 38, column '2'");
        // numbers of any Number type score as the double of the same value does; the label column is ignored
        Map<String, Object> typed = with(with(with(good, "1", new BigDecimal(good.get("1").toString())), "8", "19"),
                "2", (float) (double) (Double) good.get("2"));
        assertThat(model.score(typed)).isEqualTo(new RareclassModel.Score(serial.get(0).score(),
                serial.get(0).positive(), List.of()));
        // an empty batch is no rows; reasons past the inputs are all of them, as the server reads them
        assertThat(model.score(List.of())).isEmpty();
        List<RareclassModel.Reason> every = model.score(good, model.inputs().size()).reasons();
        assertThat(model.score(good, 1000).reasons()).isEqualTo(every);
        assertThat(model.score(good, Integer.MAX_VALUE).reasons()).isEqualTo(every);
        assertThatThrownBy(() -> model.score(good, -1)).isInstanceOf(RareclassException.class)
                .hasMessageContaining("cannot be negative");
        // null is a missing value: these models were trained without imputing, and say so naming the column
        assertThatThrownBy(() -> model.score(with(good, "3", null))).isInstanceOf(RareclassException.class)
                .hasMessageContaining("row 1, column '3': missing value");
        // a category never seen at training scores (as an unseen level), whatever its type
        for (Object unseen : new Object[] {"Z", 3, 2.5f, false}) {
            assertThat(model.score(with(good, "0", unseen)).score()).as("%s", unseen).isFinite();
        }
        // "", "NA" and "?" in a category are missing, as a file's fields are (they were unseen levels)
        for (String missingWord : new String[] {"", " NA ", "?"}) {
            assertThatThrownBy(() -> model.score(with(good, "0", missingWord))).as("'%s'", missingWord)
                    .isInstanceOf(RareclassException.class).hasMessageContaining("row 1, column '0': missing value");
        }
        // a large batch: the table ten times over scores as the table does
        List<Map<String, Object>> large = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            large.addAll(maps);
        }
        List<RareclassModel.Score> scores = model.score(large);
        for (int i = 0; i < scores.size(); i++) {
            assertThat(scores.get(i).score()).as("row %d", i + 1).isEqualTo(serial.get(i % maps.size()).score());
        }
        // and after all that, one row scores as before
        assertThat(model.score(maps.get(11), 2)).isEqualTo(serial.get(11));
    }

    private static Map<String, Object> with(Map<String, Object> row, String column, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        copy.put(column, value);
        return copy;
    }

    private static RareclassModel trained(String kind) {
        Path file = dir.resolve(kind.replace('@', '-') + ".model");
        CliRun train = CliRun.withAllCommands(Injection.INJECTOR, "train", ABALONE.toString(), "--no-header", "--label",
                "8", "--positive", "19", "--model", kind, "--seed", "3", "--out", file.toString(), "--quiet");
        assertThat(train.exitCode()).as(train.err()).isZero();
        return RareclassModel.load(file);
    }

    /** predict's lines for the table (row,y,p,predicted), without the header. */
    private static List<String> predicted(String kind) throws Exception {
        Path file = dir.resolve(kind.replace('@', '-') + ".model");
        Path out = dir.resolve(kind.replace('@', '-') + ".csv");
        CliRun predict = CliRun.withAllCommands(Injection.INJECTOR, "predict", file.toString(), ABALONE.toString(),
                "--no-header", "--out", out.toString(), "--quiet");
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        return Files.readAllLines(out).subList(1, rows.size() + 1);
    }

    /** One injector for the class (building one per kind costs a second each). */
    private static final class Injection {
        static final com.google.inject.Injector INJECTOR = com.google.inject.Guice.createInjector(
                new dev.rareclass.app.wiring.AppModule());
    }
}
