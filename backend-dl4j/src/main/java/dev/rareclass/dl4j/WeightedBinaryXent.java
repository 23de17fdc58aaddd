package dev.rareclass.dl4j;

import java.util.Objects;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Binary cross-entropy with one weight per class for a single sigmoid output:
 * {@code L = −(w₊·y·log p + w₋·(1−y)·log(1−p))}, averaged over the minibatch (Keras' {@code class_weight}).
 *
 * <p>Why not DL4J's own tools: {@code LossBinaryXENT}'s weights are per output column, which for one unit
 * scales both classes alike; and passing per-row weights as a label mask does not weight the loss, because
 * DL4J also applies the label mask to the output layer's activations (measured: neither the score nor the
 * update matched a duplicated-rows fit). This class is serialised by name in the saved network's JSON
 * configuration, so it must stay public with its JSON properties.
 */
public final class WeightedBinaryXent implements ILossFunction {

    private static final long serialVersionUID = 1L;
    /** Same probability clipping as {@code LossBinaryXENT}. */
    public static final double CLIP = 1e-5;

    @JsonProperty("positiveWeight")
    private final double positiveWeight;
    @JsonProperty("negativeWeight")
    private final double negativeWeight;

    @JsonCreator
    public WeightedBinaryXent(@JsonProperty("positiveWeight") double positiveWeight,
                              @JsonProperty("negativeWeight") double negativeWeight) {
        if (!(positiveWeight > 0 && negativeWeight > 0)) {
            throw new IllegalArgumentException("class weights must be positive: " + positiveWeight + ":" + negativeWeight);
        }
        this.positiveWeight = positiveWeight;
        this.negativeWeight = negativeWeight;
    }

    public double positiveWeight() {
        return positiveWeight;
    }

    public double negativeWeight() {
        return negativeWeight;
    }

    private INDArray clippedOutput(INDArray preOutput, IActivation activationFn) {
        INDArray p = activationFn.getActivation(preOutput.dup(), true);
        Transforms.max(p, CLIP, false);
        Transforms.min(p, 1 - CLIP, false);
        return p;
    }

    /** Per-row, per-output loss (positive numbers). */
    private INDArray scoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        checkShapes(labels, preOutput);
        INDArray p = clippedOutput(preOutput, activationFn);
        INDArray positive = Transforms.log(p, true).muli(labels).muli(positiveWeight);
        INDArray negative = Transforms.log(p.rsubi(1), false).muli(labels.rsub(1)).muli(negativeWeight);
        INDArray score = positive.addi(negative).negi();
        if (mask != null) {
            LossUtil.applyMask(score, mask);
        }
        return score;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        INDArray scores = scoreArray(labels, preOutput, activationFn, mask);
        double sum = scores.sumNumber().doubleValue();
        return average ? sum / scores.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return scoreArray(labels, preOutput, activationFn, mask).sum(1);
    }

    /** dL/dp = −w₊·y/p + w₋·(1−y)/(1−p), then back through the activation. */
    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        checkShapes(labels, preOutput);
        INDArray p = clippedOutput(preOutput, activationFn);
        INDArray dLdp = labels.mul(positiveWeight).divi(p).negi()
                .addi(labels.rsub(1).muli(negativeWeight).divi(p.rsub(1)));
        INDArray grad = activationFn.backprop(preOutput.dup(), dLdp).getFirst();
        if (mask != null) {
            LossUtil.applyMask(grad, mask);
        }
        return grad;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return toString();
    }

    private static void checkShapes(INDArray labels, INDArray preOutput) {
        if (labels.size(1) != preOutput.size(1)) {
            throw new IllegalArgumentException("labels have " + labels.size(1) + " columns, the output " + preOutput.size(1));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightedBinaryXent w && w.positiveWeight == positiveWeight && w.negativeWeight == negativeWeight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(positiveWeight, negativeWeight);
    }

    @Override
    public String toString() {
        return "WeightedBinaryXent(" + positiveWeight + ":" + negativeWeight + ")";
    }
}
