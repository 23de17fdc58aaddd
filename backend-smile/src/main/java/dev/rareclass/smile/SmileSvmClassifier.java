package dev.rareclass.smile;

import java.util.Locale;
import smile.classification.PlattScaling;
import smile.classification.SVM;

/**
 * A trained Smile SVM and its Platt scaling. The score is {@code 1 / (1 + exp(A·f + B))} of the decision value
 * {@code f}: the probability of class 1. Scoring only reads the support vectors, so it is thread-safe.
 */
public final class SmileSvmClassifier extends SmileClassifier<SvmParams> {

    private final SVM<double[]> svm;
    private final PlattScaling platt;

    SmileSvmClassifier(SVM<double[]> svm, PlattScaling platt, SvmParams params) {
        super(SmileKind.SVM.kind, params, supportVectorLength(svm));
        this.svm = svm;
        this.platt = platt;
    }

    /** The length of the support vectors, which must all have it, one weight each. */
    private static int supportVectorLength(SVM<double[]> svm) {
        double[][] vectors = svm.vectors();
        if (vectors.length == 0 || vectors[0] == null || vectors.length != svm.weights().length) {
            throw new IllegalArgumentException("an svm with support vectors and one weight each was expected");
        }
        for (double[] v : vectors) {
            if (v == null || v.length != vectors[0].length) {
                throw new IllegalArgumentException("support vectors of different lengths");
            }
        }
        return vectors[0].length;
    }

    SVM<double[]> svm() {
        return svm;
    }

    PlattScaling platt() {
        return platt;
    }

    @Override
    double scoreRow(double[] row) {
        return platt.scale(svm.score(row));
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "svm (Smile, LASVM), %s kernel%s, C=%s, %d support vectors, %d features, "
                        + "probabilities by Platt scaling on the training rows", params.kernel(),
                SvmParams.RBF.equals(params.kernel()) ? String.format(Locale.ROOT, " gamma=%.6g", params.gamma()) : "",
                params.c(), svm.vectors().length, featureCount());
    }
}
