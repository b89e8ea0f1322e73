package dev.backprop.data.encoding;

import org.ejml.data.DMatrixRMaj;

/**
 * One-hot encoding of class labels and its inverse.
 *
 * <p>Label {@code y} of {@code k} classes becomes the row {@code e_y}: {@code row[j] = 1} if {@code j = y}, else
 * 0. Decoding takes the arg max of each row, so it also turns a row of predicted probabilities into the
 * predicted class.
 */
public final class OneHot {

    private OneHot() {}

    /**
     * The one-hot matrix of labels with an explicit class count.
     *
     * @param labels     class labels, each in {@code [0, classCount)}. Not modified.
     * @param classCount the number of classes k, at least 1
     * @return n × k, row i = e_{labels[i]}
     * @throws IllegalArgumentException naming the row and the value when a label is negative or not below
     *                                  {@code classCount}
     */
    public static DMatrixRMaj encode(int[] labels, int classCount) {
        DMatrixRMaj out = new DMatrixRMaj(labels.length, Math.max(classCount, 1));
        encode(labels, classCount, out);
        return out;
    }

    /**
     * Writes the one-hot matrix of labels into {@code out}.
     *
     * @param labels     class labels, each in {@code [0, classCount)}. Not modified.
     * @param classCount the number of classes k, at least 1
     * @param out        reshaped to n × k and overwritten. Modified.
     * @throws IllegalArgumentException naming the row and the value when a label is negative or not below
     *                                  {@code classCount}
     */
    public static void encode(int[] labels, int classCount, DMatrixRMaj out) {
        if (classCount < 1) {
            throw new IllegalArgumentException("classCount must be at least 1, got " + classCount);
        }
        for (int i = 0; i < labels.length; i++) {
            checkLabel(i, labels[i], classCount);
        }
        out.reshape(labels.length, classCount);
        out.zero();
        for (int i = 0; i < labels.length; i++) {
            // out[i, labels[i]] = 1
            out.data[i * classCount + labels[i]] = 1.0;
        }
    }

    /**
     * One-hot encoding in the form that shifts by the smallest label: {@code y' = y − min(y)} and
     * {@code k = max(y') + 1}, so labels 3, 4, 5 become classes 0, 1, 2. Negative labels are allowed here,
     * since the shift removes them.
     *
     * @param labels class labels, at least one. Not modified.
     * @return the matrix (n × k), the shift and k
     * @throws IllegalArgumentException when there are no labels, or the range max − min does not fit an int
     */
    public static ShiftedOneHot encodeShifted(int[] labels) {
        if (labels.length == 0) {
            throw new IllegalArgumentException("encodeShifted needs at least one label to find the minimum");
        }
        int min = labels[0];
        int max = labels[0];
        for (int label : labels) {
            min = Math.min(min, label);
            max = Math.max(max, label);
        }
        long classes = (long) max - min + 1;
        if (classes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("labels span " + min + " to " + max + ", too many classes for one-hot");
        }
        int[] shifted = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            // y'_i = y_i - min(y)
            shifted[i] = labels[i] - min;
        }
        return new ShiftedOneHot(encode(shifted, (int) classes), min, (int) classes);
    }

    /**
     * The class of each row: the arg max, the first column holding the row's largest value when there are ties.
     *
     * @param rows n × k, k at least 1, no NaN. Not modified.
     * @return n labels in {@code [0, k)}
     * @throws IllegalArgumentException naming the row when a row contains NaN
     */
    public static int[] decode(DMatrixRMaj rows) {
        int[] labels = new int[rows.numRows];
        decode(rows, labels);
        return labels;
    }

    /**
     * Writes the arg max of each row into {@code labels}; ties go to the first column.
     *
     * @param rows   n × k, k at least 1, no NaN. Not modified.
     * @param labels length at least n; entries {@code [0, n)} overwritten. Modified.
     * @throws IllegalArgumentException naming the row when a row contains NaN, or when labels is too short
     */
    public static void decode(DMatrixRMaj rows, int[] labels) {
        int n = rows.numRows;
        int k = rows.numCols;
        if (k < 1) {
            throw new IllegalArgumentException("cannot decode a matrix with no columns (" + n + "×" + k + ")");
        }
        if (labels.length < n) {
            throw new IllegalArgumentException(
                    "labels has length " + labels.length + " but the matrix has " + n + " rows");
        }
        for (int i = 0; i < n; i++) {
            int base = i * k;
            int best = 0;
            double bestValue = rows.data[base];
            for (int j = 0; j < k; j++) {
                double v = rows.data[base + j];
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException(
                            "row " + i + ", column " + j + " is NaN; cannot take its arg max");
                }
                // labels[i] = argmax_j rows[i, j], first j on ties
                if (v > bestValue) {
                    bestValue = v;
                    best = j;
                }
            }
            labels[i] = best;
        }
    }

    static void checkLabel(int row, int label, int classCount) {
        if (label < 0) {
            throw new IllegalArgumentException(
                    "label at row " + row + " is " + label + "; labels must be non-negative class indices");
        }
        if (label >= classCount) {
            throw new IllegalArgumentException("label at row " + row + " is " + label + ", outside [0, " + classCount
                    + ") for " + classCount + " classes");
        }
    }
}
