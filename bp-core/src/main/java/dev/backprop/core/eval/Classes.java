package dev.backprop.core.eval;

import org.ejml.data.DMatrixRMaj;

/**
 * Reading classes out of matrices: the predicted class of an output row is its argmax, or, for a network with
 * a single output (a sigmoid giving the probability of class 1), 1 when the output is at least 0.5 and 0
 * otherwise; the true class of a target row is its argmax when targets are one-hot (k columns) or its value when
 * they are class indices or 0/1 labels (one column).
 */
public final class Classes {

    private Classes() {}

    /** The column of the largest entry of row {@code r} (the first on ties). */
    public static int argmax(DMatrixRMaj m, int r) {
        int cols = m.numCols;
        int offset = r * cols;
        int best = 0;
        double max = m.data[offset];
        for (int c = 1; c < cols; c++) {
            double v = m.data[offset + c];
            if (v > max) {
                max = v;
                best = c;
            }
        }
        return best;
    }

    /**
     * The true class of target row {@code r}: argmax for one-hot rows, the value for a single index column.
     *
     * @throws IllegalArgumentException naming the row and value when an index is not a non-negative integer
     */
    public static int trueClass(DMatrixRMaj targets, int r) {
        if (targets.numCols > 1) {
            return argmax(targets, r);
        }
        double v = targets.data[r];
        if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "Target row " + r + " holds " + v + ", which is not a class index (a non-negative integer)");
        }
        return (int) v;
    }

    /** The predicted class of row {@code r}: its argmax, or output ≥ 0.5 for a single output column. */
    public static int predictedClass(DMatrixRMaj outputs, int r) {
        if (outputs.numCols == 1) {
            return outputs.data[r] >= 0.5 ? 1 : 0;
        }
        return argmax(outputs, r);
    }

    /** The predicted class of every row (see {@link #predictedClass}). */
    public static int[] predicted(DMatrixRMaj outputs) {
        int[] classes = new int[outputs.numRows];
        for (int r = 0; r < classes.length; r++) {
            classes[r] = predictedClass(outputs, r);
        }
        return classes;
    }

    /** The true class of every row. */
    public static int[] actual(DMatrixRMaj targets) {
        int[] classes = new int[targets.numRows];
        for (int r = 0; r < classes.length; r++) {
            classes[r] = trueClass(targets, r);
        }
        return classes;
    }

    /**
     * Whether the true class of row {@code r} is among the {@code k} largest outputs of that row (ties broken
     * in favour of the lower column, as {@link #argmax} does).
     */
    public static boolean inTopK(DMatrixRMaj outputs, int r, int trueClass, int k) {
        int offset = r * outputs.numCols;
        double target = outputs.data[offset + trueClass];
        int better = 0;
        for (int c = 0; c < outputs.numCols; c++) {
            double v = outputs.data[offset + c];
            if (v > target || (v == target && c < trueClass)) {
                better++;
            }
        }
        return better < k;
    }
}
