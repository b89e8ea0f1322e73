package dev.backprop.losses;

import dev.backprop.core.spi.BatchReduction;
import dev.backprop.core.spi.Config;
import org.ejml.data.DMatrixRMaj;

/**
 * Mean squared error between outputs Y and targets T of the same shape n × k, with per-entry values
 * {@code ℓ_ij = (y_ij − t_ij)²} reduced by the parameter {@code reduction}:
 * <ul>
 * <li>{@code mean} (default): {@code L = (1/(n k)) Σ_ij (y_ij − t_ij)²}, the mean over all entries (PyTorch's
 * {@code MSELoss}); gradient {@code ∂L/∂y_ij = 2 (y_ij − t_ij) / (n k)};</li>
 * <li>{@code sum}: {@code L = Σ_ij (y_ij − t_ij)²}; gradient {@code 2 (y_ij − t_ij)};</li>
 * <li>{@code none}: the per-entry matrix, from {@link #perEntry}; {@link #value} returns its sum and
 * {@link #gradient} the gradient of that sum, {@code 2 (y_ij − t_ij)}.</li>
 * </ul>
 */
public final class Mse extends AbstractLoss {

    /** The registered name. */
    public static final String NAME = "mse";

    private final Reduction reduction;

    /** Mean squared error with the given reduction. */
    public Mse(Reduction reduction) {
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
        double[] y = output.data;
        double[] t = target.data;
        int size = output.getNumElements();
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double e = y[i] - t[i];
            // Σ (y − t)²
            sum += e * e;
        }
        // L = scale · Σ (y − t)²,  scale = 1/(n k) for the mean
        return reduction.scale(size) * sum;
    }

    /** {@code ∂L/∂y = 2 (y − t) · scale}, scale = 1/(n k) for the mean and 1 otherwise. */
    @Override
    public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
        Checks.requireSameShape(NAME, output, target);
        Checks.requireGradientShape(NAME, output, grad);
        double[] y = output.data;
        double[] t = target.data;
        double[] g = grad.data;
        int size = output.getNumElements();
        double factor = 2 * reduction.scale(size);
        for (int i = 0; i < size; i++) {
            // ∂L/∂y = 2 scale (y − t)
            g[i] = factor * (y[i] - t[i]);
        }
    }

    /**
     * The unreduced loss, {@code out_ij = (y_ij − t_ij)²}, whatever the reduction.
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
            double e = output.data[i] - target.data[i];
            // ℓ = (y − t)²
            out.data[i] = e * e;
        }
    }
}
