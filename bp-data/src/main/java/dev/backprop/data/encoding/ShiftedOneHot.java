package dev.backprop.data.encoding;

import org.ejml.data.DMatrixRMaj;

/**
 * The result of {@link OneHot#encodeShifted(int[])}: the one-hot matrix of {@code y − shift}.
 *
 * @param matrix     n × classCount, row i = e_{y_i − shift}
 * @param shift      the smallest label, subtracted from every label; add it back to a decoded class to recover
 *                   the original label
 * @param classCount {@code max(y) − min(y) + 1}
 */
public record ShiftedOneHot(DMatrixRMaj matrix, int shift, int classCount) {

    /**
     * The original labels of the rows of a matrix in this encoding: {@code argmax(row) + shift}.
     *
     * @param rows n × classCount, such as predicted probabilities. Not modified.
     * @return n labels in the original range
     * @throws IllegalArgumentException when the column count is not {@link #classCount()}
     */
    public int[] decode(DMatrixRMaj rows) {
        if (rows.numCols != classCount) {
            throw new IllegalArgumentException(
                    "matrix has " + rows.numCols + " columns but the encoding has " + classCount + " classes");
        }
        int[] labels = OneHot.decode(rows);
        for (int i = 0; i < labels.length; i++) {
            // y_i = argmax + shift
            labels[i] += shift;
        }
        return labels;
    }
}
