package dev.backprop.bench;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import org.ejml.data.DMatrixRMaj;

/** {@code f(z) = 1 / (1 + e^−z)}, {@code f' = a (1 − a)}: the activation of the 2-2-2 network. */
final class Sigmoid implements Activation {

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public Config config() {
        return Config.empty();
    }

    @Override
    public void forward(DMatrixRMaj z, DMatrixRMaj a) {
        int size = z.getNumElements();
        for (int i = 0; i < size; i++) {
            // A = 1 / (1 + e^−Z)
            a.data[i] = 1.0 / (1.0 + Math.exp(-z.data[i]));
        }
    }

    @Override
    public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
        int size = z.getNumElements();
        for (int i = 0; i < size; i++) {
            // dZ = G ⊙ A (1 − A)
            double ai = a.data[i];
            dz.data[i] = g.data[i] * ai * (1.0 - ai);
        }
    }
}
