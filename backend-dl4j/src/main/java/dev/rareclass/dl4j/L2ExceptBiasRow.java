package dev.rareclass.dl4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J's L2 penalty ({@code l2/2·|W|²} on the mean loss, gradient {@code l2·W}) on every row of a weight matrix but
 * the first. The sparse text network ({@link NetworkConfigs#sparse}) keeps its first layer's biases in row 0 of the
 * embedding matrix; a {@code DenseLayer}'s L2 leaves biases alone, and so, with this, does the embedding, so that
 * the two networks still train alike under a penalty.
 *
 * <p>DL4J hands a regularization the parameter as a flat view of the matrix in column-major order (its default
 * for weights), so row 0 is every {@code rows}-th element from the first; a two-dimensional parameter is read as
 * the matrix itself. This class is serialised by name in a saved network's JSON configuration, so it must stay
 * public with its JSON properties.
 */
public final class L2ExceptBiasRow extends L2Regularization {

    private static final long serialVersionUID = 1L;

    @JsonProperty("rows")
    private final long rows;

    /** @param rows the rows of the weight matrix (the embedding's inputs, bias row included) */
    public L2ExceptBiasRow(double l2, long rows) {
        this(new FixedSchedule(l2), rows);
    }

    @JsonCreator
    public L2ExceptBiasRow(@JsonProperty("l2") ISchedule l2, @JsonProperty("rows") long rows) {
        super(l2);
        if (rows < 1) {
            throw new IllegalArgumentException("rows " + rows);
        }
        this.rows = rows;
    }

    @Override
    public void apply(INDArray param, INDArray gradView, double lr, int iteration, int epoch) {
        super.apply(param, gradView, lr, iteration, epoch);
        double coefficient = l2.valueAt(iteration, epoch);
        if (param.rank() == 2 && param.size(0) == rows) {
            gradView.getRow(0).subi(param.getRow(0).mul(coefficient));
            return;
        }
        for (long i = 0; i < param.length(); i += rows) {
            gradView.putScalar(i, gradView.getDouble(i) - coefficient * param.getDouble(i));
        }
    }

    @Override
    public double score(INDArray param, int iteration, int epoch) {
        double biasSquares = 0;
        if (param.rank() == 2 && param.size(0) == rows) {
            double norm = param.getRow(0).norm2Number().doubleValue();
            biasSquares = norm * norm;
        } else {
            for (long i = 0; i < param.length(); i += rows) {
                double b = param.getDouble(i);
                biasSquares += b * b;
            }
        }
        return super.score(param, iteration, epoch) - 0.5 * l2.valueAt(iteration, epoch) * biasSquares;
    }

    /** Equal to another of this class with the same coefficient and rows, never to a plain {@link L2Regularization}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof L2ExceptBiasRow other && other.rows == rows && super.equals(o);
    }

    @Override
    protected boolean canEqual(Object other) {
        return other instanceof L2ExceptBiasRow;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Long.hashCode(rows);
    }

    @Override
    public Regularization clone() {
        return new L2ExceptBiasRow(l2.clone(), rows);
    }
}
