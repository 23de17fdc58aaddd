package com.example.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains a model with the rareclass command line, then runs {@link ScoreCsv} in a JVM of its own on the example's
 * runtime class path alone: the scores it prints are the ones {@code rareclass predict} writes, and nothing of ND4J,
 * XGBoost or the web server is needed to get them.
 */
class ScoreCsvTest {

    @TempDir
    Path dir;

    @Test
    void scoresAsPredictDoesWithoutNd4j() throws Exception {
        StringBuilder csv = new StringBuilder("amount,hour,channel,fraud\n");
        Random random = new Random(2);
        for (int i = 0; i < 600; i++) {
            double amount = Math.round(Math.exp(3 + 1.5 * random.nextGaussian()) * 100) / 100.0;
            int hour = random.nextInt(24);
            String channel = random.nextDouble() < 0.1 ? "web" : random.nextBoolean() ? "pos" : "atm";
            boolean fraud = (amount > 200 && hour < 5) || (channel.equals("web") && random.nextDouble() < 0.3);
            csv.append(amount).append(',').append(hour).append(',').append(channel).append(',')
                    .append(fraud ? "yes" : "no").append('\n');
        }
        Path data = Files.writeString(dir.resolve("payments.csv"), csv);
        Path model = dir.resolve("payments.model");
        Path predictions = dir.resolve("predictions.csv");
        String testClassPath = System.getProperty("java.class.path");
        run(testClassPath, "dev.rareclass.app.Main", "train", data.toString(), "--label", "fraud", "--positive", "yes",
                "--model", "random-forest", "--out", model.toString(), "--quiet");
        run(testClassPath, "dev.rareclass.app.Main", "predict", model.toString(), data.toString(), "--out",
                predictions.toString(), "--quiet");

        String runtime = Files.readString(Path.of("target", "runtime-classpath.txt")).trim();
        assertThat(runtime).contains("rareclass-adapters", "rareclass-backend-smile", "smile-core")
                .doesNotContain("nd4j", "deeplearning4j", "xgboost", "jetty", "rareclass-app");
        String out = run(Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator + runtime,
                "com.example.scoring.ScoreCsv", model.toString(), data.toString());

        List<String> printed = out.lines().toList();
        List<String> expected = Files.readAllLines(predictions);
        assertThat(printed.get(0)).isEqualTo("row,p,predicted,reason,change");
        assertThat(printed).hasSize(expected.size());
        int flagged = 0;
        for (int i = 1; i < expected.size(); i++) {
            String[] want = expected.get(i).split(",");  // row,y,p,predicted
            String[] got = printed.get(i).split(",", -1);
            assertThat(got[1]).as("row %d score", i).isEqualTo(want[2]);
            assertThat(got[2]).isEqualTo(want[3]);
            if (got[2].equals("1")) {
                flagged++;
                assertThat(got[3]).isIn("amount", "hour", "channel");
            }
        }
        assertThat(flagged).isPositive();
    }

    private static String run(String classPath, String main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-cp", classPath, main));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s failed: %s", main, err).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
