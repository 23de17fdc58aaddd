package dev.rareclass.domain.model;

import dev.rareclass.domain.error.UsageException;
import java.util.List;
import java.util.Locale;

/**
 * The number of weights and biases of a fully connected network, refused before anything is allocated when no
 * backend could hold it: every layer size may be allowed on its own ({@code hidden=65536,65536}) and the whole still
 * need 4.3 billion weights, past the 2,147,483,647 values one Java array (or ND4J's flattened parameter buffer, or a
 * Spark vector) can index. Checked once the input width is known, at training.
 */
public final class NetworkSize {

    /** The most weights and biases a network may have: the largest index of a Java array, plus one. */
    public static final long MOST = Integer.MAX_VALUE;

    private NetworkSize() {
    }

    /**
     * Weights and biases of dense layers {@code inputs → layers[0] → … → outputs}.
     *
     * @param inputs  the input width
     * @param layers  the hidden layers' sizes, in order
     * @param outputs the output width
     */
    public static long parameters(long inputs, List<Integer> layers, long outputs) {
        long total = 0;
        long in = inputs;
        for (int units : layers) {
            total = Math.addExact(total, Math.multiplyExact(in + 1, (long) units));
            in = units;
        }
        return Math.addExact(total, Math.multiplyExact(in + 1, outputs));
    }

    /**
     * Refuses a network of more than {@link #MOST} weights and biases, naming the parameter that sized it.
     *
     * @param model     the model as the user named it, such as {@code mlp@dl4j}
     * @param parameter the parameter that gave the layers, such as {@code hidden}
     */
    public static void require(String model, String parameter, long inputs, List<Integer> layers, long outputs) {
        long n = parameters(inputs, layers, outputs);
        if (n > MOST) {
            throw new UsageException(String.format(Locale.ROOT, "%s: %s=%s on %,d input features makes a network of "
                    + "%,d weights and biases; one network holds at most %,d (use fewer or smaller layers)", model,
                    parameter, layers.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")),
                    inputs, n, MOST));
        }
    }
}
