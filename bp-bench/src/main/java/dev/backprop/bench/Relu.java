package dev.backprop.bench;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import org.ejml.data.DMatrixRMaj;

/** {@code f(z) = max(0, z)}, {@code f'(z) = 1} for z &gt; 0, else 0: the benchmarks' hidden activation. */
final class Relu implements Activation {

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public Config config() {
        return Config.empty();
    }

    @Override
    public void forward(DMatrixRMaj z, DMatrixRMaj a) {
        int size = z.getNumElements();
        for (int i = 0; i < size; i++) {
            // A = max(0, Z)
            a.data[i] = Math.max(0.0, z.data[i]);
        }
    }

    @Override
    public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
        int size = z.getNumElements();
        for (int i = 0; i < size; i++) {
            // dZ = G ⊙ [Z > 0]
            dz.data[i] = z.data[i] > 0 ? g.data[i] : 0.0;
        }
    }
}
