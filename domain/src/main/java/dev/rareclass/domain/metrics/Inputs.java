package dev.rareclass.domain.metrics;

/** Shared argument checks, so every entry point rejects bad data with the same messages. */
final class Inputs {
    private Inputs() {
    }

    static void checkLabels(int[] y) {
        if (y == null) {
            throw new IllegalArgumentException("y must not be null");
        }
        if (y.length == 0) {
            throw new IllegalArgumentException("y must not be empty");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " but labels must be 0 or 1");
            }
        }
    }

    static void checkLabelsAndScores(int[] y, double[] scores) {
        checkLabels(y);
        if (scores == null) {
            throw new IllegalArgumentException("scores must not be null");
        }
        if (scores.length != y.length) {
            throw new IllegalArgumentException(
                    "y has " + y.length + " rows but scores has " + scores.length);
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("scores[" + i + "] = " + scores[i] + " but scores must be finite");
            }
        }
    }

    static void checkLabelsAndPredictions(int[] y, int[] predicted) {
        checkLabels(y);
        if (predicted == null) {
            throw new IllegalArgumentException("predicted must not be null");
        }
        if (predicted.length != y.length) {
            throw new IllegalArgumentException(
                    "y has " + y.length + " rows but predicted has " + predicted.length);
        }
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] != 0 && predicted[i] != 1) {
                throw new IllegalArgumentException(
                        "predicted[" + i + "] = " + predicted[i] + " but predictions must be 0 or 1");
            }
        }
    }
}
