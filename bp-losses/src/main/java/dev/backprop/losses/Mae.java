package dev.backprop.losses;

import dev.backprop.core.spi.BatchReduction;
import dev.backprop.core.spi.Config;
import org.ejml.data.DMatrixRMaj;

/**
 * Mean absolute error between outputs Y and targets T of the same shape n × k, with per-entry values
 * {@code ℓ_ij = |y_ij − t_ij|} reduced by the parameter {@code reduction}:
 * <ul>
 * <li>{@code mean} (default): {@code L = (1/(n k)) Σ_ij |y_ij − t_ij|} (PyTorch's {@code L1Loss}); gradient
 * {@code ∂L/∂y_ij = sign(y_ij − t_ij) / (n k)};</li>
 * <li>{@code sum}: {@code L = Σ_ij |y_ij − t_ij|}; gradient {@code sign(y_ij − t_ij)};</li>
 * <li>{@code none}: the per-entry matrix, from {@link #perEntry}; {@link #value} returns its sum and
 * {@link #gradient} the gradient of that sum.</li>
 * </ul>
 * At {@code y = t}, where |·| has a kink, the gradient is taken as 0 (sign(0) = 0, as in PyTorch).
 */
public final class Mae extends AbstractLoss {

    /** The registered name. */
    public static final String NAME = "mae";

    private final Reduction reduction;

    /** Mean absolute error with the given reduction. */
    public Mae(Reduction reduction) {
        super(NAME, Config.of(Reduction.PARAMETER, reduction.configName()));
        this.reduction = reduction;
    }

    /** How the per-entry values are reduced. */
    public Reduction reduction() {
        return reduction;
    }

    @Override
    public void validate(DMatrixRMaj output, DMatrixRMaj target) {
        Checks.requireSameShape(NAME, output, target);
    }

    /** {@code SUM} for the reductions sum and none (whose value is the sum), {@code MEAN} for mean. */
    @Override
    public BatchReduction batchReduction() {
        return reduction == Reduction.MEAN ? BatchReduction.MEAN : BatchReduction.SUM;
    }

    @Override
    public double value(DMatrixRMaj output, DMatrixRMaj target) {
        Checks.requireSameShape(NAME, output, target);
        int size = output.getNumElements();
        double sum = 0;
        for (int i = 0; i < size; i++) {
            // Σ |y − t|
            sum += Math.abs(output.data[i] - target.data[i]);
        }
        // L = scale · Σ |y − t|
        return reduction.scale(size) * sum;
    }

    /** {@code ∂L/∂y = sign(y − t) · scale}, scale = 1/(n k) for the mean and 1 otherwise; 0 where y = t. */
    @Override
    public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
        Checks.requireSameShape(NAME, output, target);
        Checks.requireGradientShape(NAME, output, grad);
        int size = output.getNumElements();
        double scale = reduction.scale(size);
        for (int i = 0; i < size; i++) {
            // ∂L/∂y = scale · sign(y − t)
            grad.data[i] = scale * Math.signum(output.data[i] - target.data[i]);
        }
    }

    /**
     * The unreduced loss, {@code out_ij = |y_ij − t_ij|}, whatever the reduction.
     *
     * @param output Y, n × k. Not modified.
     * @param target T, n × k. Not modified.
     * @param out    the per-entry values, n × k. Modified.
     */
    public void perEntry(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj out) {
        Checks.requireSameShape(NAME, output, target);
        Checks.requireGradientShape(NAME, output, out);
        int size = output.getNumElements();
        for (int i = 0; i < size; i++) {
            // ℓ = |y − t|
            out.data[i] = Math.abs(output.data[i] - target.data[i]);
        }
    }
}
