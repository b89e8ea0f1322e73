package dev.backprop.activations;

import org.ejml.data.DMatrixRMaj;

/** Shape checks shared by the activations, with messages naming both shapes. */
final class Shapes {

    private Shapes() {}

    /**
     * Checks that {@code actual} has the shape of {@code z}.
     *
     * @param activation the activation's name, for the message
     * @param role       what {@code actual} is, e.g. {@code "output A"}
     * @throws IllegalArgumentException naming both shapes
     */
    static void requireShapeOf(String activation, DMatrixRMaj z, String role, DMatrixRMaj actual) {
        if (actual.numRows != z.numRows || actual.numCols != z.numCols) {
            throw new IllegalArgumentException(activation + ": " + role + " is " + actual.numRows + "x" + actual.numCols
                    + " but Z is " + z.numRows + "x" + z.numCols + "; both must have one shape");
        }
    }

    /** Checks the matrices of a backward pass: A, G and dZ must all have the shape of Z. */
    static void requireBackwardShapes(String activation, DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
        requireShapeOf(activation, z, "output A", a);
        requireShapeOf(activation, z, "gradient G", g);
        requireShapeOf(activation, z, "gradient dZ", dz);
    }
}
