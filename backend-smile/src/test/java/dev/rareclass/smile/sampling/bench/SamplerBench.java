package dev.rareclass.smile.sampling.bench;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.sampling.Resampled;
import dev.rareclass.domain.sampling.SamplingInput;
import dev.rareclass.smile.sampling.SmileSamplerFactory;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark main: {@code SamplerBench SAMPLER IN.csv OUT.csv}. Reads a numeric CSV with a header and a
 * label column {@code y}, runs the sampler, writes the resampled CSV, and prints
 * {@code sampler_s=... total_s=...}. A deliberately simple parser: the bench's own data only.
 */
public final class SamplerBench {

    private SamplerBench() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        String sampler = args[0];
        Path in = Path.of(args[1]);
        Path out = Path.of(args[2]);
        String[] header;
        int yCol;
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(in)) {
            header = r.readLine().split(",");
            yCol = Arrays.asList(header).indexOf("y");
            String line;
            while ((line = r.readLine()) != null) {
                float[] row = new float[header.length - 1];
                int c = 0;
                int start = 0;
                for (int i = 0; i < header.length; i++) {
                    int end = line.indexOf(',', start);
                    if (end < 0) {
                        end = line.length();
                    }
                    String cell = line.substring(start, end);
                    if (i == yCol) {
                        labels.add((int) Double.parseDouble(cell));
                    } else {
                        row[c++] = Float.parseFloat(cell);
                    }
                    start = end + 1;
                }
                rows.add(row);
            }
        }
        int d = header.length - 1;
        float[] data = new float[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, data, i * d, d);
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        SamplingInput input = SamplingInput.numeric(FeatureMatrix.wrap(rows.size(), d, data), Labels.wrap(y));
        SmileSamplerFactory factory = SmileSamplerFactory.all().stream().filter(f -> f.name().equals(sampler)).findFirst().orElseThrow();
        long s0 = System.nanoTime();
        Resampled res = factory.create(Hyperparameters.empty()).resample(input, 42);
        long s1 = System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            w.write(String.join(",", header));
            w.newLine();
            float[] xs = res.x().data();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < res.y().size(); i++) {
                sb.setLength(0);
                int c = 0;
                for (int j = 0; j < header.length; j++) {
                    if (j > 0) {
                        sb.append(',');
                    }
                    if (j == yCol) {
                        sb.append(res.y().get(i));
                    } else {
                        sb.append(xs[i * d + c++]);
                    }
                }
                w.write(sb.toString());
                w.newLine();
            }
        }
        long t1 = System.nanoTime();
        System.out.printf("sampler_s=%.3f total_s=%.3f rows_out=%d%n", (s1 - s0) / 1e9, (t1 - t0) / 1e9, res.y().size());
    }
}
