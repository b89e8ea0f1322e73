package dev.backprop.testkit;

import dev.backprop.core.random.Rng;
import org.ejml.data.DMatrixRMaj;

/** Small matrix helpers for the checks. Not for hot paths: several of them allocate. */
final class Matrices {

    private Matrices() {}

    /** "n×k" for messages. */
    static String shape(DMatrixRMaj m) {
        return m.numRows + "x" + m.numCols;
    }

    /** Fills with U(low, high). */
    static void uniform(DMatrixRMaj m, double low, double high, Rng rng) {
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = rng.nextDouble(low, high);
        }
    }

    /** Fills with values of magnitude U(0.5, 1.5) and random sign, so that no weight is near zero. */
    static void signedWeights(DMatrixRMaj m, Rng rng) {
        for (int i = 0; i < m.getNumElements(); i++) {
            double magnitude = rng.nextDouble(0.5, 1.5);
            m.data[i] = rng.nextDouble() < 0.5 ? -magnitude : magnitude;
        }
    }

    /** Row {@code row} of {@code m} as a new 1 × k matrix. */
    static DMatrixRMaj row(DMatrixRMaj m, int row) {
        DMatrixRMaj r = new DMatrixRMaj(1, m.numCols);
        System.arraycopy(m.data, row * m.numCols, r.data, 0, m.numCols);
        return r;
    }

    /** Copies row {@code row} of {@code from} into the same row of {@code to}. */
    static void copyRow(DMatrixRMaj from, DMatrixRMaj to, int row) {
        System.arraycopy(from.data, row * from.numCols, to.data, row * to.numCols, from.numCols);
    }

    /** The index of the first entry that is NaN or infinite, or −1. */
    static int firstNonFinite(DMatrixRMaj m) {
        for (int i = 0; i < m.getNumElements(); i++) {
            if (!Double.isFinite(m.data[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Whether two numbers agree: both NaN, or {@code |x − y| ≤ atol + rtol · max(|x|, |y|)}. */
    static boolean close(double x, double y, double rtol, double atol) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.isNaN(x) && Double.isNaN(y);
        }
        if (x == y) {
            return true;
        }
        return Math.abs(x - y) <= atol + rtol * Math.max(Math.abs(x), Math.abs(y));
    }

    /**
     * The index of the first entry where {@code a} and {@code b} disagree in the sense of
     * {@link #close(double, double, double, double)}, or −1.
     */
    static int firstDifference(DMatrixRMaj a, DMatrixRMaj b, double rtol, double atol) {
        for (int i = 0; i < a.getNumElements(); i++) {
            if (!close(a.data[i], b.data[i], rtol, atol)) {
                return i;
            }
        }
        return -1;
    }

    /** "[r,c] = v" for entry {@code index} of {@code m}. */
    static String entry(DMatrixRMaj m, int index) {
        return "[" + index / m.numCols + "," + index % m.numCols + "] = " + m.data[index];
    }

    /** Whether the two matrices hold exactly the same shape and values (NaN equal to NaN). */
    static boolean identical(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            return false;
        }
        for (int i = 0; i < a.getNumElements(); i++) {
            if (Double.doubleToLongBits(a.data[i]) != Double.doubleToLongBits(b.data[i])) {
                return false;
            }
        }
        return true;
    }

    /** Row {@code row} of {@code m} as text, e.g. {@code [1.0, -2.5]}. */
    static String rowText(DMatrixRMaj m, int row) {
        StringBuilder sb = new StringBuilder("[");
        for (int c = 0; c < m.numCols; c++) {
            sb.append(c == 0 ? "" : ", ").append(m.get(row, c));
        }
        return sb.append(']').toString();
    }

    /** The whole matrix as text on one line, e.g. {@code [[1.0, 0.0], [0.5, 0.5]]}. */
    static String text(DMatrixRMaj m) {
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < m.numRows; r++) {
            sb.append(r == 0 ? "" : ", ").append(rowText(m, r));
        }
        return sb.append(']').toString();
    }

    /** A matrix with the rows of {@code m} and then the same rows again: (2n) × k. */
    static DMatrixRMaj twice(DMatrixRMaj m) {
        DMatrixRMaj both = new DMatrixRMaj(2 * m.numRows, m.numCols);
        int size = m.getNumElements();
        System.arraycopy(m.data, 0, both.data, 0, size);
        System.arraycopy(m.data, 0, both.data, size, size);
        return both;
    }
}
