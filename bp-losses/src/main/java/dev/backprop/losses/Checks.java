package dev.backprop.losses;

import org.ejml.data.DMatrixRMaj;

/** Shape and value checks shared by the losses, with messages naming the shapes, positions and values. */
final class Checks {

    private Checks() {}

    static String shape(DMatrixRMaj m) {
        return m.numRows + "x" + m.numCols;
    }

    /**
     * Targets of the outputs' shape.
     *
     * @throws IllegalArgumentException e.g. "mse: targets are 3x2 but outputs are 3x4; ..."
     */
    static void requireSameShape(String loss, DMatrixRMaj output, DMatrixRMaj target) {
        if (target.numRows != output.numRows || target.numCols != output.numCols) {
            throw new IllegalArgumentException(loss + ": targets are " + shape(target) + " but outputs are "
                    + shape(output) + "; targets must have the outputs' shape");
        }
    }

    /** A gradient matrix of the outputs' shape. */
    static void requireGradientShape(String loss, DMatrixRMaj output, DMatrixRMaj grad) {
        if (grad.numRows != output.numRows || grad.numCols != output.numCols) {
            throw new IllegalArgumentException(loss + ": the gradient matrix is " + shape(grad) + " but outputs are "
                    + shape(output) + "; shape it like the outputs");
        }
    }

    /**
     * Every entry in [low, high]; NaN passes, so that a diverging network shows as a NaN loss.
     *
     * @param role "targets" or "outputs", for the message
     * @param hint what to do instead, appended to the message
     */
    static void requireRange(String loss, String role, DMatrixRMaj m, double low, double high, String hint) {
        double[] d = m.data;
        int size = m.getNumElements();
        for (int i = 0; i < size; i++) {
            if (d[i] < low || d[i] > high) {
                throw new IllegalArgumentException(loss + ": " + role + " must be in [" + format(low) + ", "
                        + format(high) + "], but " + role + "[" + i / m.numCols + "," + i % m.numCols + "] = "
                        + d[i] + hint);
            }
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
