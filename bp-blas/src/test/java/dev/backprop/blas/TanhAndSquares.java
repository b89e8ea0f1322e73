package dev.backprop.blas;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import org.ejml.data.DMatrixRMaj;

/** A tanh activation and the half sum of squares loss for these tests (bp-blas does not depend on plug-ins). */
final class TanhAndSquares {

    private TanhAndSquares() {}

    /** f(z) = tanh z, f' = 1 − a². */
    static Activation tanh() {
        return new Activation() {
            @Override
            public String name() {
                return "tanh";
            }

            @Override
            public Config config() {
                return Config.empty();
            }

            @Override
            public void forward(DMatrixRMaj z, DMatrixRMaj a) {
                for (int i = 0; i < z.getNumElements(); i++) {
                    a.data[i] = Math.tanh(z.data[i]);
                }
            }

            @Override
            public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
                for (int i = 0; i < z.getNumElements(); i++) {
                    // dZ = G ⊙ (1 − A²)
                    dz.data[i] = g.data[i] * (1 - a.data[i] * a.data[i]);
                }
            }
        };
    }

    /** E = ½ Σ (y − t)², ∂E/∂y = y − t. */
    static Loss halfSumOfSquares() {
        return new Loss() {
            @Override
            public String name() {
                return "half-sse";
            }

            @Override
            public Config config() {
                return Config.empty();
            }

            @Override
            public void validate(DMatrixRMaj y, DMatrixRMaj t) {
                if (y.numRows != t.numRows || y.numCols != t.numCols) {
                    throw new IllegalArgumentException("output is " + y.numRows + "x" + y.numCols + " but target is "
                            + t.numRows + "x" + t.numCols);
                }
            }

            @Override
            public double value(DMatrixRMaj y, DMatrixRMaj t) {
                double sum = 0;
                for (int i = 0; i < y.getNumElements(); i++) {
                    double d = y.data[i] - t.data[i];
                    sum += 0.5 * d * d;
                }
                return sum;
            }

            @Override
            public void gradient(DMatrixRMaj y, DMatrixRMaj t, DMatrixRMaj g) {
                for (int i = 0; i < y.getNumElements(); i++) {
                    g.data[i] = y.data[i] - t.data[i];
                }
            }
        };
    }
}
