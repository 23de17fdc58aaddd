package dev.rareclass.smile;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Validated parameters of {@code svm@smile}: a soft-margin support vector machine trained by Smile's LASVM
 * (Bordes, Ertekin, Weston and Bottou, JMLR 6, 2005). Names and defaults follow scikit-learn's {@code SVC}.
 *
 * @param kernel    {@code kernel}: rbf (default; {@code exp(-gamma·|x - y|²)}) or linear ({@code x·y})
 * @param c         soft-margin penalty ({@code c}, default 1.0, scikit-learn's {@code C})
 * @param gamma     rbf only ({@code gamma}): a positive number, or 0 for {@code scale} (the default), which is
 *                  scikit-learn's {@code 1 / (features · variance of all training values)}, resolved when the
 *                  training rows are known
 * @param tolerance stopping tolerance of the solver ({@code tolerance}, default 1e-3, scikit-learn's {@code tol})
 * @param epochs    LASVM's passes over the rows before its finishing step ({@code epochs}, default 1, Smile's)
 * @param seed      the model's own seed ({@code seed}); empty (the default) takes the run's, as on every
 *                  kind whose fit draws random numbers
 */
public record SvmParams(String kernel, double c, double gamma, double tolerance, int epochs, OptionalLong seed)
        implements SmileParams {

    static final String KERNEL = "kernel";
    static final String C = "c";
    static final String GAMMA = "gamma";
    static final String TOLERANCE = "tolerance";
    static final String EPOCHS = "epochs";

    static final String RBF = "rbf";
    static final String LINEAR = "linear";
    static final String SCALE = "scale";

    /** Parameter names {@code svm@smile} accepts. */
    public static final Set<String> NAMES = Set.of(KERNEL, C, GAMMA, TOLERANCE, EPOCHS, Hyperparameters.SEED);

    public static final SvmParams DEFAULTS = new SvmParams(RBF, 1.0, 0, 1e-3, 1);

    public SvmParams {
        if (!(RBF.equals(kernel) || LINEAR.equals(kernel)) || !(c > 0) || Double.isInfinite(c) || !(gamma >= 0)
                || Double.isInfinite(gamma) || (LINEAR.equals(kernel) && gamma != 0) || !(tolerance > 0)
                || Double.isInfinite(tolerance) || epochs < 1) {
            throw new IllegalArgumentException("invalid svm parameters: kernel=" + kernel + " c=" + c + " gamma=" + gamma
                    + " tolerance=" + tolerance + " epochs=" + epochs);
        }
        java.util.Objects.requireNonNull(seed, "seed");
    }

    /** Without a seed of its own: the run's. */
    public SvmParams(String kernel, double c, double gamma, double tolerance, int epochs) {
        this(kernel, c, gamma, tolerance, epochs, OptionalLong.empty());
    }

    /** Reads and validates user parameters; a {@code UsageException} names the bad or unknown one. */
    public static SvmParams of(Hyperparameters p) {
        p.requireKnown(NAMES, SmileKind.SVM.model);
        String kernel = p.choice(KERNEL, DEFAULTS.kernel, Set.of(RBF, LINEAR));
        double c = p.decimal(C, DEFAULTS.c, 0, 1e12);
        if (c == 0) {
            throw new UsageException("parameter " + C + "=" + p.string(C, "") + " must be > 0");
        }
        double gamma = 0;
        String g = p.string(GAMMA, SCALE);
        if (LINEAR.equals(kernel) && p.asMap().containsKey(GAMMA)) {
            throw new UsageException("parameter " + GAMMA + " applies to kernel=rbf only, not linear");
        }
        if (!SCALE.equals(g)) {
            gamma = p.decimal(GAMMA, 0, 0, 1e12);
            if (gamma == 0) {
                throw new UsageException("parameter " + GAMMA + "=" + g + " must be > 0 or 'scale'");
            }
        }
        double tolerance = p.decimal(TOLERANCE, DEFAULTS.tolerance, 0, 1);
        if (tolerance == 0) {
            throw new UsageException("parameter " + TOLERANCE + "=" + p.string(TOLERANCE, "") + " must be > 0");
        }
        int epochs = p.integer(EPOCHS, DEFAULTS.epochs, 1, 1000);
        return new SvmParams(kernel, c, gamma, tolerance, epochs, p.seed());
    }

    /** {@code gamma=scale} resolved for the training rows: {@code 1 / (d · var)}, 1 when every value is the same. */
    SvmParams resolvedFor(double[][] x) {
        if (LINEAR.equals(kernel) || gamma > 0) {
            return this;
        }
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (double[] row : x) {
            for (double v : row) {
                sum += v;
                n++;
            }
        }
        double mean = sum / n;
        for (double[] row : x) {
            for (double v : row) {
                sumSq += (v - mean) * (v - mean);
            }
        }
        double variance = sumSq / n;
        double resolved = variance > 0 ? 1 / (x[0].length * variance) : 1.0;
        return new SvmParams(kernel, c, resolved, tolerance, epochs, seed);
    }

    /** The values as parameters, {@code gamma} as the number it resolved to (left out for the linear kernel). */
    public Hyperparameters toHyperparameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(KERNEL, kernel);
        m.put(C, Double.toString(c));
        if (RBF.equals(kernel)) {
            m.put(GAMMA, gamma == 0 ? SCALE : Double.toString(gamma));
        }
        m.put(TOLERANCE, Double.toString(tolerance));
        m.put(EPOCHS, Integer.toString(epochs));
        SmileParams.putSeed(m, seed);
        return Hyperparameters.of(m);
    }
}
