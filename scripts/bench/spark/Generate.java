import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.SplittableRandom;

/**
 * A seeded rare-event table for the Spark benchmark: ROWS rows x 30 numeric features (4 decimals) and a 0/1 label,
 * about 1% positives. Six features carry the signal (a logistic model whose intercept gives ~1%), the rest are noise.
 * Streams to the file, so memory stays flat whatever ROWS is. A Java single-file program (java Generate.java ...):
 * pandas' to_csv took ~9 CPU minutes for 20 million rows, this takes about one.
 *
 * Usage: java Generate.java ROWS OUT.csv [SEED]
 */
public class Generate {
    static final int FEATURES = 30;
    static final double[] WEIGHTS = {1.6, -1.3, 1.1, 0.9, -0.8, 0.7};
    static final double INTERCEPT = -7.6;

    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
        SplittableRandom random = new SplittableRandom(seed);
        byte[] line = new byte[FEATURES * 12 + 4];
        try (OutputStream out = new BufferedOutputStream(new FileOutputStream(args[1]), 1 << 20)) {
            StringBuilder header = new StringBuilder();
            for (int i = 0; i < FEATURES; i++) {
                header.append('x').append(i).append(',');
            }
            out.write(header.append("label\n").toString().getBytes());
            double[] x = new double[FEATURES];
            for (long r = 0; r < rows; r++) {
                double logit = INTERCEPT;
                for (int i = 0; i < FEATURES; i++) {
                    x[i] = gaussian(random);
                    if (i < WEIGHTS.length) {
                        logit += WEIGHTS[i] * x[i];
                    }
                }
                int at = 0;
                for (int i = 0; i < FEATURES; i++) {
                    at = fixed4(x[i], line, at);
                    line[at++] = ',';
                }
                line[at++] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? (byte) '1' : (byte) '0';
                line[at++] = '\n';
                out.write(line, 0, at);
            }
        }
    }

    /** Box-Muller from SplittableRandom (one of the pair is enough here). */
    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** v written with 4 decimals, rounded half away from zero. */
    static int fixed4(double v, byte[] b, int at) {
        long scaled = Math.round(Math.abs(v) * 10_000);
        if (v < 0 && scaled != 0) {
            b[at++] = '-';
        }
        long whole = scaled / 10_000;
        long frac = scaled % 10_000;
        String w = Long.toString(whole);
        for (int i = 0; i < w.length(); i++) {
            b[at++] = (byte) w.charAt(i);
        }
        b[at++] = '.';
        b[at++] = (byte) ('0' + frac / 1000);
        b[at++] = (byte) ('0' + frac / 100 % 10);
        b[at++] = (byte) ('0' + frac / 10 % 10);
        b[at++] = (byte) ('0' + frac % 10);
        return at;
    }
}
