package dev.backprop.losses;

import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import org.ejml.data.DMatrixRMaj;

/** Small helpers for the loss tests. */
final class Fixtures {

    private Fixtures() {}

    static DMatrixRMaj m(double[][] rows) {
        return new DMatrixRMaj(rows);
    }

    /** The gradient of a loss as a new matrix. */
    static DMatrixRMaj gradient(Loss loss, DMatrixRMaj y, DMatrixRMaj t) {
        DMatrixRMaj g = new DMatrixRMaj(y.numRows, y.numCols);
        loss.gradient(y, t, g);
        return g;
    }

    /**
     * A built-in activation by name, from the registry: the tests use the activations only through the SPI, as
     * the engine does.
     */
    static Activation activation(String name) {
        return Registries.discover().activations().create(name, Config.empty());
    }
}
