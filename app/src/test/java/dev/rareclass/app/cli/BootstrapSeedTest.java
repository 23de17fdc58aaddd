package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that draws random numbers takes {@code --seed}: {@code evaluate} and {@code score} draw the bootstrap
 * resamples of their 95% intervals, so the same seed gives the same intervals and another seed other ones, and the
 * default is the seed they always used (0).
 */
class BootstrapSeedTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path table() throws Exception {
        Random r = new Random(4);
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 600; i++) {
            boolean positive = r.nextDouble() < 0.2;
            double a = r.nextGaussian() + (positive ? 1.2 : 0);
            sb.append(a).append(',').append(r.nextGaussian()).append(',').append(positive ? 1 : 0).append('\n');
        }
        return Files.writeString(dir.resolve("t.csv"), sb);
    }

    private static JsonNode intervals(CliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode intervals = JSON.readTree(run.out()).path("intervals_95");
        assertThat(intervals.path("pr_auc").size()).isEqualTo(2);
        return intervals;
    }

    private static JsonNode evaluated(Path json) throws Exception {
        JsonNode intervals = JSON.readTree(json.toFile()).path("intervals_95");
        assertThat(intervals.path("pr_auc").size()).isEqualTo(2);
        return intervals;
    }

    @Test
    void scoreDrawsItsIntervalsWithTheSeedGiven() throws Exception {
        Path t = table();
        String[] args = {"score", t.toString(), "--label", "y", "--score", "a", "--json"};
        JsonNode byDefault = intervals(CliRun.of(args));
        JsonNode zero = intervals(CliRun.of(append(args, "--seed", "0")));
        JsonNode seven = intervals(CliRun.of(append(args, "--seed", "7")));
        JsonNode sevenAgain = intervals(CliRun.of(append(args, "--seed", "7")));
        assertThat(zero).isEqualTo(byDefault);
        assertThat(sevenAgain).isEqualTo(seven);
        assertThat(seven).isNotEqualTo(zero);
    }

    @Test
    void evaluateDrawsItsIntervalsWithTheSeedGiven() throws Exception {
        Path t = table();
        Path model = dir.resolve("m.model");
        CliRun trained = CliRun.of("train", t.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                "--out", model.toString(), "-q");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Path c = dir.resolve("c.json");
        Path d = dir.resolve("d.json");
        assertThat(CliRun.of("evaluate", model.toString(), t.toString(), "--json", a.toString(), "-q").exitCode()).isZero();
        CliRun zero = CliRun.of("evaluate", model.toString(), t.toString(), "--json", b.toString(), "--seed", "0", "-q");
        assertThat(zero.exitCode()).as(zero.err()).isZero();
        assertThat(CliRun.of("evaluate", model.toString(), t.toString(), "--json", c.toString(), "--seed", "7", "-q")
                .exitCode()).isZero();
        assertThat(CliRun.of("evaluate", model.toString(), t.toString(), "--json", d.toString(), "--seed", "7", "-q")
                .exitCode()).isZero();
        assertThat(evaluated(b)).isEqualTo(evaluated(a));
        assertThat(evaluated(d)).isEqualTo(evaluated(c));
        assertThat(evaluated(c)).isNotEqualTo(evaluated(a));
    }

    private static String[] append(String[] args, String... more) {
        String[] out = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, out, args.length, more.length);
        return out;
    }
}
