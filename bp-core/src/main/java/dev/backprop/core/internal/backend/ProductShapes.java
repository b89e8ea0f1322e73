package dev.backprop.core.internal.backend;

import org.ejml.data.DMatrixRMaj;

/**
 * The argument checks every {@link dev.backprop.core.spi.MatrixBackend} makes: inner dimensions that agree and
 * an output that is not an input. Public so that backends in other modules report errors the same way.
 */
public final class ProductShapes {

    private ProductShapes() {}

    /**
     * Checks {@code C = A B}: A m × k, B k × n.
     *
     * @throws IllegalArgumentException naming both shapes, or the aliased argument
     */
    public static void checkMult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (a.numCols != b.numRows) {
            throw new IllegalArgumentException(
                    "C = A B needs A's columns to equal B's rows, but A is " + shape(a) + " and B is " + shape(b));
        }
        checkNotAliased(a, b, c);
    }

    /**
     * Checks {@code C = Aᵀ B}: A k × m, B k × n.
     *
     * @throws IllegalArgumentException naming both shapes, or the aliased argument
     */
    public static void checkMultTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (a.numRows != b.numRows) {
            throw new IllegalArgumentException("C = Aᵀ B needs A and B to have the same number of rows, but A is "
                    + shape(a) + " and B is " + shape(b));
        }
        checkNotAliased(a, b, c);
    }

    /**
     * Checks {@code C = A Bᵀ}: A m × k, B n × k.
     *
     * @throws IllegalArgumentException naming both shapes, or the aliased argument
     */
    public static void checkMultTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (a.numCols != b.numCols) {
            throw new IllegalArgumentException("C = A Bᵀ needs A and B to have the same number of columns, but A is "
                    + shape(a) + " and B is " + shape(b));
        }
        checkNotAliased(a, b, c);
    }

    private static void checkNotAliased(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (c == a || c == b || c.data == a.data || c.data == b.data) {
            throw new IllegalArgumentException("The output C (" + shape(c) + ") must not be one of the inputs A ("
                    + shape(a) + ") or B (" + shape(b) + ")");
        }
    }

    private static String shape(DMatrixRMaj m) {
        return m.numRows + "x" + m.numCols;
    }
}
