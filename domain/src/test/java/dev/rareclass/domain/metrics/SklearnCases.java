package dev.rareclass.domain.metrics;

/**
 * The small fixed data sets whose reference values the metric tests pin. Each was fed to scikit-learn 1.2.1
 * (Debian python3-sklearn, run with /usr/bin/python3) as {@code y = np.array(Y); s = np.array(S);
 * p = (s >= 0.5).astype(int)}; the expressions next to each expected value say what was evaluated.
 */
final class SklearnCases {
    private SklearnCases() {
    }

    static final double THRESHOLD = 0.5;

    /** Distinct scores, both kinds of error at 0.5. */
    static final int[] NORMAL_Y = {0, 0, 1, 1, 0, 1, 0, 0, 1, 0};
    static final double[] NORMAL_S = {0.1, 0.4, 0.35, 0.8, 0.2, 0.7, 0.6, 0.05, 0.9, 0.3};

    /** Scores tied across classes, so ranking metrics must treat each tie group as one step. */
    static final int[] TIES_Y = {1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0};
    static final double[] TIES_S = {0.9, 0.9, 0.7, 0.7, 0.7, 0.5, 0.5, 0.3, 0.3, 0.1, 0.1, 0.1};

    /** Nothing reaches 0.5: precision is 0/0 (zero_division). Includes a probability of exactly 0. */
    static final int[] NONE_PREDICTED_Y = {0, 1, 0, 0, 1, 0};
    static final double[] NONE_PREDICTED_S = {0.1, 0.3, 0.2, 0.05, 0.4, 0.0};

    /** Everything reaches 0.5: specificity 0, MCC 0/0; a negative scored exactly 1 exercises log-loss clipping. */
    static final int[] ALL_PREDICTED_Y = {1, 0, 1, 1, 0};
    static final double[] ALL_PREDICTED_S = {0.6, 1.0, 0.8, 0.9, 0.55};
}
