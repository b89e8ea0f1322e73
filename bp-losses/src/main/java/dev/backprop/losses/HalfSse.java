package dev.backprop.losses;

import dev.backprop.core.spi.BatchReduction;
import dev.backprop.core.spi.Config;
import org.ejml.data.DMatrixRMaj;

/**
 * Half the sum of squared errors over the whole batch, {@code L = ½ Σ_ij (y_ij − t_ij)²}, the error of the
 * classic derivations (seeds 002 and 004: {@code E_total = Σ ½ (target − output)²}), whose gradient is simply
 * {@code ∂L/∂y_ij = y_ij − t_ij}. Outputs and targets have one shape. No parameters.
 */
public final class HalfSse extends AbstractLoss {

    /** The registered name. */
    public static final String NAME = "half-sse";

    /** The half sum of squared errors. */
    public HalfSse() {
        super(NAME, Config.empty());
    }

    @Override
    public void validate(DMatrixRMaj output, DMatrixRMaj target) {
        Checks.requireSameShape(NAME, output, target);
    }

    /** {@code SUM}: E = ½ Σ (y − t)² adds over the samples. */
    @Override
    public BatchReduction batchReduction() {
        return BatchReduction.SUM;
    }

    @Override
    public double value(DMatrixRMaj output, DMatrixRMaj target) {
        Checks.requireSameShape(NAME, output, target);
        int size = output.getNumElements();
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double e = output.data[i] - target.data[i];
            // Σ (y − t)²
            sum += e * e;
        }
        // L = ½ Σ (y − t)²
        return 0.5 * sum;
    }

    /** {@code ∂L/∂y = y − t}. */
    @Override
    public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
        Checks.requireSameShape(NAME, output, target);
        Checks.requireGradientShape(NAME, output, grad);
        int size = output.getNumElements();
        for (int i = 0; i < size; i++) {
            // ∂L/∂y = y − t
            grad.data[i] = output.data[i] - target.data[i];
        }
    }
}
