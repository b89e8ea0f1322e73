package dev.backprop.data.encoding;

import org.ejml.data.DMatrixRMaj;

/** Class labels held in a target matrix: an n × 1 column of class indices, or n × k one-hot (or score) rows. */
public final class Labels {

    private Labels() {}

    /**
     * The labels of a column of class indices.
     *
     * @param column n × 1, each value a whole number ≥ 0. Not modified.
     * @return the n labels
     * @throws IllegalArgumentException when the matrix has more than one column, or naming the row and the value
     *                                  when a value is negative, not a whole number or too large for an int
     */
    public static int[] fromColumn(DMatrixRMaj column) {
        if (column.numCols != 1) {
            throw new IllegalArgumentException(
                    "a class-index column is n×1, got " + column.numRows + "×" + column.numCols);
        }
        int[] labels = new int[column.numRows];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = toLabel(i, column.data[i]);
        }
        return labels;
    }

    /**
     * The labels of a target matrix: {@link #fromColumn} when it has one column, otherwise the arg max of each
     * row ({@link OneHot#decode(DMatrixRMaj)}).
     *
     * @param targets n × 1 class indices, or n × k one-hot rows. Not modified.
     * @return the n labels
     * @throws IllegalArgumentException as {@link #fromColumn} or {@link OneHot#decode(DMatrixRMaj)}
     */
    public static int[] fromTargets(DMatrixRMaj targets) {
        return targets.numCols == 1 ? fromColumn(targets) : OneHot.decode(targets);
    }

    /**
     * The labels as an n × 1 column of doubles.
     *
     * @param labels class labels. Not modified.
     * @return n × 1 with {@code column[i] = labels[i]}
     */
    public static DMatrixRMaj toColumn(int[] labels) {
        DMatrixRMaj column = new DMatrixRMaj(labels.length, 1);
        for (int i = 0; i < labels.length; i++) {
            column.data[i] = labels[i];
        }
        return column;
    }

    /**
     * Checks that every label is in {@code [0, classCount)}.
     *
     * @param labels     class labels. Not modified.
     * @param classCount the number of classes
     * @throws IllegalArgumentException naming the row and the value of the first label outside the range
     */
    public static void requireInRange(int[] labels, int classCount) {
        for (int i = 0; i < labels.length; i++) {
            OneHot.checkLabel(i, labels[i], classCount);
        }
    }

    /** The largest label plus one, or 0 when there are no labels: the class count the labels imply. */
    public static int impliedClassCount(int[] labels) {
        int max = -1;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }

    private static int toLabel(int row, double value) {
        if (Double.isNaN(value) || value != Math.rint(value)) {
            throw new IllegalArgumentException("target at row " + row + " is " + value
                    + ", not a whole number; a class-index column holds labels 0, 1, 2, ...");
        }
        if (value < 0) {
            throw new IllegalArgumentException(
                    "label at row " + row + " is " + (long) value + "; labels must be non-negative class indices");
        }
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "label at row " + row + " is " + value + ", too large for a class index");
        }
        return (int) value;
    }
}
