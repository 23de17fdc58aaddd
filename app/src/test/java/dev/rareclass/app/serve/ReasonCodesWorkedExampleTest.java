package dev.rareclass.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.app.cli.CliRun;
import dev.rareclass.embed.RareclassModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reason codes on a worked example whose answer is known: a row is positive when x2 is above 1.5 or when its kind is
 * "c"; x0, x1, x3 and x4 are noise. Rows flagged because of x2 must name x2 first, rows flagged because of their kind
 * must name kind first, each with a positive change; {@code predict --reasons} and the embedding API agree.
 */
class ReasonCodesWorkedExampleTest {

    @TempDir
    static Path dir;

    private static Path table;
    private static Path model;
    private static final List<Map<String, Object>> ROWS = new ArrayList<>();

    @BeforeAll
    static void train() throws Exception {
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("x0,x1,x2,x3,x4,kind,y\n");
        for (int i = 0; i < 1200; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < 5; c++) {
                row.put("x" + c, Math.round(random.nextGaussian() * 1000) / 1000.0);
            }
            double u = random.nextDouble();
            String kind = u < 0.06 ? "c" : u < 0.5 ? "a" : "b";
            row.put("kind", kind);
            int y = (double) row.get("x2") > 1.5 || kind.equals("c") ? 1 : 0;
            ROWS.add(row);
            csv.append(row.get("x0")).append(',').append(row.get("x1")).append(',').append(row.get("x2")).append(',')
                    .append(row.get("x3")).append(',').append(row.get("x4")).append(',').append(kind).append(',')
                    .append(y).append('\n');
        }
        table = Files.writeString(dir.resolve("worked.csv"), csv);
        model = dir.resolve("worked.model");
        CliRun run = CliRun.withAllCommands(com.google.inject.Guice.createInjector(new dev.rareclass.app.wiring.AppModule()),
                "train", table.toString(), "--label", "y", "--positive", "1", "--model", "random-forest", "--seed", "1",
                "--out", model.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void theDecisiveFeatureComesFirst() throws Exception {
        RareclassModel m = RareclassModel.load(model);
        List<RareclassModel.Score> scores = m.score(ROWS, 2);
        int byX2 = 0;
        int byKind = 0;
        int x2First = 0;
        int kindFirst = 0;
        for (int i = 0; i < ROWS.size(); i++) {
            RareclassModel.Score s = scores.get(i);
            if (!s.positive()) {
                continue;
            }
            boolean highX2 = (double) ROWS.get(i).get("x2") > 1.8;
            boolean kindC = ROWS.get(i).get("kind").equals("c");
            if (highX2 && !kindC) {
                byX2++;
                assertThat(s.reasons()).isNotEmpty();
                if (s.reasons().get(0).feature().equals("x2") && s.reasons().get(0).change() > 0) {
                    x2First++;
                }
            } else if (kindC && (double) ROWS.get(i).get("x2") < 0.5) {
                byKind++;
                if (s.reasons().get(0).feature().equals("kind") && s.reasons().get(0).change() > 0) {
                    kindFirst++;
                }
            }
        }
        assertThat(byX2).isGreaterThan(20);
        assertThat(byKind).isGreaterThan(20);
        assertThat(x2First).as("rows flagged for x2 naming x2 first").isEqualTo(byX2);
        assertThat(kindFirst).as("rows flagged for their kind naming kind first").isEqualTo(byKind);
    }

    /** Permutation importance on the same table: the two columns the label depends on come first, the noise after. */
    @Test
    void explainRanksTheDecisiveColumnsFirstAndIsSeeded() throws Exception {
        Path out = dir.resolve("explained");
        com.google.inject.Injector injector = com.google.inject.Guice.createInjector(new dev.rareclass.app.wiring.AppModule());
        CliRun run = CliRun.withAllCommands(injector, "explain", model.toString(), table.toString(), "--repeats", "3",
                "--top", "2", "--out", out.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> importance = Files.readAllLines(out.resolve("importance.csv"));
        assertThat(importance.get(0)).isEqualTo("rank,feature,importance_mean,importance_std,drop_1,drop_2,drop_3");
        assertThat(List.of(importance.get(1).split(",")[1], importance.get(2).split(",")[1]))
                .containsExactlyInAnyOrder("x2", "kind");
        for (String line : importance.subList(3, importance.size())) {
            assertThat(Math.abs(Double.parseDouble(line.split(",")[2]))).as(line).isLessThan(0.05);
        }
        assertThat(Double.parseDouble(importance.get(2).split(",")[2])).isGreaterThan(0.1);
        List<String> dependence = Files.readAllLines(out.resolve("partial_dependence.csv"));
        // x2's curve rises from below the 1.5 cut to above it; kind's is highest at "c"
        List<String[]> x2 = dependence.stream().map(l -> l.split(",")).filter(c -> c[0].equals("x2")).toList();
        assertThat(x2).hasSize(20);
        assertThat(Double.parseDouble(x2.get(19)[3])).isGreaterThan(Double.parseDouble(x2.get(0)[3]) + 0.3);
        List<String[]> kind = dependence.stream().map(l -> l.split(",")).filter(c -> c[0].equals("kind")).toList();
        assertThat(kind).extracting(c -> c[2]).containsExactlyInAnyOrder("a", "b", "c");
        String[] best = kind.stream().max(java.util.Comparator.comparingDouble(c -> Double.parseDouble(c[3]))).orElseThrow();
        assertThat(best[2]).isEqualTo("c");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<svg", "Permutation importance",
                "Partial dependence: x2", "Partial dependence: kind").doesNotContain("<script", "src=\"http", "href=\"http");
        assertThat(Files.readString(out.resolve("explanation.json"))).contains("\"metric\" : \"pr_auc\"");

        Path again = dir.resolve("explained-again");
        CliRun second = CliRun.withAllCommands(injector, "explain", model.toString(), table.toString(), "--repeats", "3",
                "--top", "2", "--out", again.toString(), "--quiet");
        assertThat(second.exitCode()).isZero();
        assertThat(Files.readAllLines(again.resolve("importance.csv"))).as("same seed, same numbers").isEqualTo(importance);

        CliRun bad = CliRun.withAllCommands(injector, "explain", model.toString(), table.toString(), "--metric", "f1",
                "--out", dir.resolve("never").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--metric must be a ranking metric");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    /** One model shared by eight threads scores every row as one thread does (the API promises thread safety). */
    @Test
    void oneModelSharedAcrossThreadsScoresAsOneThreadDoes() throws Exception {
        RareclassModel m = RareclassModel.load(model);
        List<RareclassModel.Score> alone = m.score(ROWS, 1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    for (int k = 0; k < 150; k++) {
                        int i = (offset * 150 + k) % ROWS.size();
                        if (!m.score(ROWS.get(i), 1).equals(alone.get(i))) {
                            return false;
                        }
                    }
                    return m.score(ROWS, 1).equals(alone);
                }));
            }
            for (var run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void predictWritesTheSameReasons() throws Exception {
        Path out = dir.resolve("reasons.csv");
        CliRun run = CliRun.withAllCommands(com.google.inject.Guice.createInjector(new dev.rareclass.app.wiring.AppModule()),
                "predict", model.toString(), table.toString(), "--reasons", "2", "--out", out.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("row,y,p,predicted,reason_1,change_1,reason_2,change_2");
        List<RareclassModel.Score> scores = RareclassModel.load(model).score(ROWS, 2);
        for (int i = 0; i < ROWS.size(); i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            List<RareclassModel.Reason> reasons = scores.get(i).reasons();
            for (int k = 0; k < 2; k++) {
                assertThat(cells[4 + 2 * k]).isEqualTo(k < reasons.size() ? reasons.get(k).feature() : "");
                assertThat(cells[5 + 2 * k]).isEqualTo(k < reasons.size() ? Double.toString(reasons.get(k).change()) : "");
            }
        }
    }
}
