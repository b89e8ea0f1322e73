package dev.backprop.bench;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import org.ejml.data.DMatrixRMaj;

/** {@code E = ½ Σ (y − t)²}, {@code ∂E/∂y = y − t}: the loss of the 2-2-2 network. */
final class HalfSquaredError implements Loss {

    @Override
    public String name() {
        return "half-squared-error";
    }

    @Override
    public Config config() {
        return Config.empty();
    }

    @Override
    public void validate(DMatrixRMaj output, DMatrixRMaj target) {
        if (output.numRows != target.numRows || output.numCols != target.numCols) {
            throw new IllegalArgumentException("half-squared-error: output is " + output.numRows + "x" + output.numCols
                    + " but target is " + target.numRows + "x" + target.numCols);
        }
    }

    @Override
    public double value(DMatrixRMaj output, DMatrixRMaj target) {
        double sum = 0;
        int size = output.getNumElements();
        for (int i = 0; i < size; i++) {
            // E = ½ Σ (y − t)²
            double d = output.data[i] - target.data[i];
            sum += 0.5 * d * d;
        }
        return sum;
    }

    @Override
    public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
        int size = output.getNumElements();
        for (int i = 0; i < size; i++) {
            // ∂E/∂y = y − t
            grad.data[i] = output.data[i] - target.data[i];
        }
    }
}
