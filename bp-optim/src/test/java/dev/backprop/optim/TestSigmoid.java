package dev.backprop.optim;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import org.ejml.data.DMatrixRMaj;

/** A test-only logistic sigmoid, {@code σ(z) = 1 / (1 + e^−z)} with {@code σ'(z) = σ(z)(1 − σ(z))}. */
final class TestSigmoid implements Activation {

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
        for (int i = 0; i < z.getNumElements(); i++) {
            // a = 1 / (1 + e^−z)
            a.data[i] = 1 / (1 + Math.exp(-z.data[i]));
        }
    }

    @Override
    public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
        for (int i = 0; i < z.getNumElements(); i++) {
            // dz = g · a(1 − a)
            dz.data[i] = g.data[i] * a.data[i] * (1 - a.data[i]);
        }
    }
}
