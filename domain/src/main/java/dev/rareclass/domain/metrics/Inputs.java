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
        checkBinary(y, "y", "labels");
    }

    static void checkLabelsAndScores(int[] y, double[] scores) {
        checkAligned(y, scores, "scores", scores == null ? 0 : scores.length);
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("scores[" + i + "] = " + scores[i] + " but scores must be finite");
            }
        }
    }

    static void checkLabelsAndPredictions(int[] y, int[] predicted) {
        checkAligned(y, predicted, "predicted", predicted == null ? 0 : predicted.length);
        checkBinary(predicted, "predicted", "predictions");
    }

    /** Valid labels {@code y}, and a non-null per-row array {@code values} of the same length. */
    private static void checkAligned(int[] y, Object values, String name, int length) {
        checkLabels(y);
        if (values == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (length != y.length) {
            throw new IllegalArgumentException(
                    "y has " + y.length + " rows but " + name + " has " + length);
        }
    }

    /** Every entry 0 or 1; {@code what} names them in the message (labels, predictions). */
    private static void checkBinary(int[] values, String name, String what) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0 && values[i] != 1) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] = " + values[i] + " but " + what + " must be 0 or 1");
            }
        }
    }
}
