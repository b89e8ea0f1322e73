package dev.backprop.examples.support;

import dev.backprop.core.eval.Metric;
import org.ejml.data.DMatrixRMaj;

/**
 * Accuracy of a single-output binary classifier: the share of rows where the output, thresholded at 0.5, equals
 * the 0/1 target. For one sigmoid unit this is the prediction rule {@code ŷ = [σ(z) ≥ 0.5]}.
 */
public final class BinaryAccuracy implements Metric {

    /** The metric's name in histories: {@code accuracy}, as for multi-class accuracy. */
    public static final String NAME = "accuracy";

    /** The metric. */
    public BinaryAccuracy() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The share of rows with {@code [y ≥ 0.5] = t}.
     *
     * @throws IllegalArgumentException when outputs or targets are not one column of equal length
     */
    @Override
    public double compute(DMatrixRMaj outputs, DMatrixRMaj targets) {
        if (outputs.numCols != 1 || targets.numCols != 1 || outputs.numRows != targets.numRows) {
            throw new IllegalArgumentException("binary accuracy needs n x 1 outputs and targets, got outputs "
                    + outputs.numRows + "x" + outputs.numCols + " and targets " + targets.numRows + "x"
                    + targets.numCols);
        }
        int hits = 0;
        for (int i = 0; i < outputs.numRows; i++) {
            double predicted = outputs.data[i] >= 0.5 ? 1 : 0;
            if (predicted == targets.data[i]) {
                hits++;
            }
        }
        return outputs.numRows == 0 ? 0 : (double) hits / outputs.numRows;
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }
}
