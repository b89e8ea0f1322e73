package dev.backprop.optim;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import org.ejml.data.DMatrixRMaj;

/**
 * A test-only half squared error summed over all entries, {@code L = Σ ½(y − t)²} with
 * {@code ∂L/∂y = y − t}.
 */
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
            throw new IllegalArgumentException("output " + output.numRows + "x" + output.numCols + " but target "
                    + target.numRows + "x" + target.numCols);
        }
    }

    @Override
    public double value(DMatrixRMaj output, DMatrixRMaj target) {
        double sum = 0;
        for (int i = 0; i < output.getNumElements(); i++) {
            double d = output.data[i] - target.data[i];
            // L = Σ ½(y − t)²
            sum += 0.5 * d * d;
        }
        return sum;
    }

    @Override
    public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
        for (int i = 0; i < output.getNumElements(); i++) {
            // ∂L/∂y = y − t
            grad.data[i] = output.data[i] - target.data[i];
        }
    }
}
