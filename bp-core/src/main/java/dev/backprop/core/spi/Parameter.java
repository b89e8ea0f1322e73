package dev.backprop.core.spi;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * One trainable array of a network, with the gradient the last backward pass left for it. Optimizers update
 * {@link #value()} in place from {@link #gradient()}; the two matrices always have the same shape.
 *
 * @param name     a stable name such as {@code layer0.W} or {@code layer1.b}; optimizer state is keyed by it
 * @param kind     weight or bias, so regularisation can leave biases alone
 * @param value    the parameter. Modified by optimizers.
 * @param gradient the gradient of the loss with respect to {@code value}. Modified by the engine and by
 *                 gradient transforms (clipping, penalties).
 */
public record Parameter(String name, Kind kind, DMatrixRMaj value, DMatrixRMaj gradient) {

    /** What role the array plays in its layer. */
    public enum Kind {
        /** A weight matrix W. */
        WEIGHT,
        /** A bias row b. */
        BIAS
    }

    /** Checks that value and gradient have one shape. */
    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(gradient, "gradient");
        if (value.numRows != gradient.numRows || value.numCols != gradient.numCols) {
            throw new IllegalArgumentException("Parameter " + name + ": value is " + value.numRows + "x" + value.numCols
                    + " but gradient is " + gradient.numRows + "x" + gradient.numCols);
        }
    }

    /** The number of entries. */
    public int size() {
        return value.getNumElements();
    }
}
