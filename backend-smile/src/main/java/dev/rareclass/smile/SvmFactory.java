package dev.rareclass.smile;

import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.TrainingContext;
import smile.classification.PlattScaling;
import smile.classification.SVM;
import smile.math.MathEx;
import smile.math.kernel.GaussianKernel;
import smile.math.kernel.LinearKernel;
import smile.math.kernel.MercerKernel;

/**
 * {@code svm@smile}: Smile's kernel SVM (LASVM) with a Gaussian or linear kernel, pure Java, and Platt scaling
 * (Platt 1999, in the form of Lin, Lin and Weng 2007) to turn decision values into probabilities.
 *
 * <p><b>Platt scaling</b> is fitted on the decision values of the training rows themselves, one SVM fit in all.
 * scikit-learn's {@code SVC(probability=True)} fits it on 5-fold cross-validated decision values instead (six
 * fits). The sigmoid is increasing, so the ranking of rows and with it ROC-AUC and PR-AUC are the decision
 * values' own either way; only the probabilities' calibration differs (on training rows they come out
 * more confident).
 *
 * <p><b>Reproducibility.</b> LASVM visits the rows in a random order drawn from Smile's thread-local generator
 * on the calling thread, seeded from {@link TrainingContext#seed()} just before fitting.
 *
 * <p><b>Class weights</b> are refused: Smile 6.3's SVM takes one penalty {@code C} for both classes.
 */
public final class SvmFactory extends SmileTrainerFactory {

    static final String KIND = "svm";
    static final String MODEL = ModelId.of(KIND, SmileModule.NAME).toString();

    public SvmFactory() {
        super(KIND, SvmParams.NAMES, false, p -> trainer(SvmParams.of(p)));
    }

    /** Smile's kernel for resolved parameters: its Gaussian is {@code exp(-|x-y|² / (2σ²))}, so {@code σ = sqrt(1 / (2γ))}. */
    static MercerKernel<double[]> kernel(SvmParams params) {
        return SvmParams.LINEAR.equals(params.kernel()) ? new LinearKernel()
                : new GaussianKernel(Math.sqrt(1 / (2 * params.gamma())));
    }

    private static ClassifierTrainer trainer(SvmParams params) {
        return (x, y, ctx) -> {
            double[][] rows = Features.rows(x);
            SvmParams resolved = params.resolvedFor(rows);
            int[] signs = new int[y.size()];
            for (int i = 0; i < signs.length; i++) {
                signs[i] = y.get(i) == 1 ? 1 : -1; // LASVM and Platt scaling take -1 and +1
            }
            MathEx.setSeed(ctx.seed());
            SVM<double[]> svm = SVM.fit(rows, signs, kernel(resolved),
                    new SVM.Options(resolved.c(), resolved.tolerance(), resolved.epochs()));
            double[] decisions = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                decisions[i] = svm.score(rows[i]);
            }
            PlattScaling platt = PlattScaling.fit(decisions, signs);
            return new SmileSvmClassifier(svm, platt, resolved);
        };
    }
}
