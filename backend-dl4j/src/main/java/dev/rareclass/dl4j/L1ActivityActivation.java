package dev.rareclass.dl4j;

import java.util.Objects;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * An activation with Keras' L1 activity regularizer on its outputs: the loss gains
 * {@code λ · Σ|a| / batchSize} (Keras divides activity penalties by the batch size), so the gradient
 * reaching the layer's outputs gains {@code λ · sign(a) / batchSize}. DL4J 1.0.0-M2.1 has no activity
 * regularization, and an activation is the one place where a layer's output gradient can be changed without
 * a custom layer. Forward values are those of the wrapped activation; only training backprop differs.
 *
 * <p>The penalty is not part of DL4J's reported score, so the recorded {@code loss} is the reconstruction
 * error alone. Serialised by class name in the saved network's JSON, so it stays public with its properties.
 */
public final class L1ActivityActivation extends BaseActivationFunction {

    private static final long serialVersionUID = 1L;

    @JsonProperty("inner")
    private final IActivation inner;
    @JsonProperty("lambda")
    private final double lambda;

    @JsonCreator
    public L1ActivityActivation(@JsonProperty("inner") IActivation inner, @JsonProperty("lambda") double lambda) {
        this.inner = Objects.requireNonNull(inner, "inner");
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be >= 0: " + lambda);
        }
        this.lambda = lambda;
    }

    public IActivation inner() {
        return inner;
    }

    public double lambda() {
        return lambda;
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        return inner.getActivation(in, training);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        INDArray a = inner.getActivation(in.dup(), true);
        INDArray penalised = epsilon.add(Transforms.sign(a, false).muli(lambda / in.size(0)));
        return inner.backprop(in, penalised);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof L1ActivityActivation l && l.inner.equals(inner) && l.lambda == lambda;
    }

    @Override
    public int hashCode() {
        return Objects.hash(inner, lambda);
    }

    @Override
    public String toString() {
        return inner + "+l1activity(" + lambda + ")";
    }
}
