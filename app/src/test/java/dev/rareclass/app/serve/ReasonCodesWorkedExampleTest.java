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
