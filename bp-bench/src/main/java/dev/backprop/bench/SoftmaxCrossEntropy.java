package dev.backprop.bench;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.FusedGradient;
import dev.backprop.core.spi.Loss;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * Cross-entropy of one-hot targets averaged over the batch, {@code L = −(1/n) Σ t log p}, with
 * {@code ∂L/∂p = −t / (n p)}; after a softmax it gives the engine the fused gradient {@code ∂L/∂Z = (P − T)/n}.
 */
final class SoftmaxCrossEntropy implements Loss {

    private static final FusedGradient FUSED = (z, p, t, dz) -> {
        double inverseN = 1.0 / p.numRows;
        int size = p.getNumElements();
        for (int i = 0; i < size; i++) {
            // dZ = (P − T) / n
            dz.data[i] = (p.data[i] - t.data[i]) * inverseN;
        }
    };

    @Override
    public String name() {
        return "cross-entropy";
    }

    @Override
    public Config config() {
        return Config.empty();
    }

    @Override
    public void validate(DMatrixRMaj output, DMatrixRMaj target) {
        if (output.numRows != target.numRows || output.numCols != target.numCols) {
            throw new IllegalArgumentException("cross-entropy: output is " + output.numRows + "x" + output.numCols
                    + " but target is " + target.numRows + "x" + target.numCols);
        }
    }

    @Override
    public double value(DMatrixRMaj output, DMatrixRMaj target) {
        double sum = 0;
        int size = output.getNumElements();
        for (int i = 0; i < size; i++) {
            if (target.data[i] != 0) {
                // L = −(1/n) Σ t log p
                sum -= target.data[i] * Math.log(output.data[i]);
            }
        }
        return sum / output.numRows;
    }

    @Override
    public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
        double n = output.numRows;
        int size = output.getNumElements();
        for (int i = 0; i < size; i++) {
            // ∂L/∂p = −t / (n p)
            grad.data[i] = -target.data[i] / (n * output.data[i]);
        }
    }

    @Override
    public Optional<FusedGradient> fusedWith(Activation outputActivation) {
        return outputActivation instanceof Softmax ? Optional.of(FUSED) : Optional.empty();
    }
}
