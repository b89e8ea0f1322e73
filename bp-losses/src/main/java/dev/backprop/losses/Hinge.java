package dev.backprop.losses;

import dev.backprop.core.spi.Config;
import org.ejml.data.DMatrixRMaj;

/**
 * The hinge loss of raw scores Y against labels T of −1 or +1 of the same shape n × k, averaged over all n·k
 * entries (Keras's {@code Hinge}):
 * <pre>
 *   L = (1/(n k)) Σ_ij max(0, 1 − t_ij y_ij)
 * </pre>
 * Gradient: {@code ∂L/∂y_ij = −t_ij / (n k)} where {@code t y < 1}, and 0 where the margin is met
 * ({@code t y ≥ 1}, including the kink {@code t y = 1}). Labels 0/1 must be mapped to −1/+1 first.
 */
public final class Hinge extends AbstractLoss {

    /** The registered name. */
    public static final String NAME = "hinge";

    /** The hinge loss. */
    public Hinge() {
        super(NAME, Config.empty());
    }

    /** Checks the shapes and that every target is −1 or +1. */
    @Override
    public void validate(DMatrixRMaj output, DMatrixRMaj target) {
        Checks.requireSameShape(NAME, output, target);
        for (int i = 0; i < target.getNumElements(); i++) {
            double t = target.data[i];
            if (t != 1 && t != -1) {
                throw new IllegalArgumentException(NAME + ": targets must be -1 or 1, but targets[" + i / target.numCols
                        + "," + i % target.numCols + "] = " + t + "; map 0/1 labels to -1/1 with 2t - 1");
            }
        }
    }

    /** {@code (1/(n k)) Σ max(0, 1 − t y)}. */
    @Override
    public double value(DMatrixRMaj output, DMatrixRMaj target) {
        Checks.requireSameShape(NAME, output, target);
        int size = output.getNumElements();
        double sum = 0;
        for (int i = 0; i < size; i++) {
            // max(0, 1 − t y)
            sum += Math.max(0, 1 - target.data[i] * output.data[i]);
        }
        return sum / size;
    }

    /** {@code ∂L/∂y = −t/(n k)} where {@code t y < 1}, else 0. */
    @Override
    public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
        Checks.requireSameShape(NAME, output, target);
        Checks.requireGradientShape(NAME, output, grad);
        int size = output.getNumElements();
        double scale = 1.0 / size;
        for (int i = 0; i < size; i++) {
            double t = target.data[i];
            // ∂L/∂y = −t/(n k) inside the margin
            grad.data[i] = t * output.data[i] < 1 ? -t * scale : 0.0;
        }
    }
}
