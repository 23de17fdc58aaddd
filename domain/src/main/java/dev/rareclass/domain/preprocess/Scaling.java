package dev.rareclass.domain.preprocess;

/** How numeric features are scaled before training; fitted on training rows only. One-hot columns stay 0/1. */
public enum Scaling implements OptionValue {
    /** Leave values as they are. */
    NONE,
    /** Subtract the mean and divide by the standard deviation (population, as scikit-learn's StandardScaler). */
    STANDARD,
    /** Map the training range to [0, 1] (scikit-learn's MinMaxScaler). */
    MIN_MAX;

    public static Scaling fromKey(String key) {
        return OptionValue.parse(Scaling.class, key, "--scale");
    }
}
