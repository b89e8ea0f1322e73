package dev.backprop.losses;

import dev.backprop.core.spi.Config;
import org.ejml.data.DMatrixRMaj;

/**
 * The Huber loss (Huber 1964), quadratic for small errors and linear for large ones, averaged over all n·k
 * entries as PyTorch's {@code HuberLoss}: with {@code e = y − t} and the parameter {@code delta} (δ &gt; 0,
 * default 1),
 * <pre>
 *   ℓ(e) = ½ e²            for |e| ≤ δ
 *   ℓ(e) = δ (|e| − ½ δ)   for |e| &gt; δ,        L = (1/(n k)) Σ_ij ℓ(e_ij)
 * </pre>
 * Gradient: {@code ∂L/∂y_ij = e_ij / (n k)} for |e| ≤ δ and {@code δ sign(e_ij) / (n k)} beyond; ℓ is
 * continuously differentiable, so there is no kink.
 */
public final class Huber extends AbstractLoss {

    /** The registered name. */
    public static final String NAME = "huber";
    /** The parameter name of δ. */
    public static final String DELTA = "delta";
    /** The default δ. */
    public static final double DEFAULT_DELTA = 1.0;

    private final double delta;

    /**
     * A Huber loss with threshold δ.
     *
     * @throws IllegalArgumentException unless δ is finite and positive
     */
    public Huber(double delta) {
        super(NAME, Config.of(DELTA, delta));
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException(NAME + " " + DELTA + " must be > 0 and finite, got " + delta);
        }
        this.delta = delta;
    }

    /** The threshold between the quadratic and the linear part. */
    public double delta() {
        return delta;
    }

    @Override
    public void validate(DMatrixRMaj output, DMatrixRMaj target) {
        Checks.requireSameShape(NAME, output, target);
    }

    /** {@code (1/(n k)) Σ ℓ(y − t)}. */
    @Override
    public double value(DMatrixRMaj output, DMatrixRMaj target) {
        Checks.requireSameShape(NAME, output, target);
        int size = output.getNumElements();
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double e = Math.abs(output.data[i] - target.data[i]);
            // ℓ = ½ e² inside δ, δ (|e| − ½ δ) outside
            sum += e <= delta ? 0.5 * e * e : delta * (e - 0.5 * delta);
        }
        return sum / size;
    }

    /** {@code ∂L/∂y = e/(n k)} for |e| ≤ δ, {@code δ sign(e)/(n k)} beyond. */
    @Override
    public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
        Checks.requireSameShape(NAME, output, target);
        Checks.requireGradientShape(NAME, output, grad);
        int size = output.getNumElements();
        double scale = 1.0 / size;
        for (int i = 0; i < size; i++) {
            double e = output.data[i] - target.data[i];
            // ∂ℓ/∂e = e inside δ, δ sign(e) outside
            double d = Math.abs(e) <= delta ? e : Math.copySign(delta, e);
            grad.data[i] = scale * d;
        }
    }
}
