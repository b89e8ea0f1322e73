package dev.backprop.losses;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.FusedGradient;
import dev.backprop.core.spi.StandardActivation;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * Categorical cross-entropy on probabilities P (rows of a softmax's output) against targets T ≥ 0 of the same
 * shape n × k, one-hot or distributions, averaged over the n rows:
 * <pre>
 *   L = −(1/n) Σ_ij t_ij log max(p_ij, ε),   ε = 1e-12
 * </pre>
 * The floor ε ({@link #EPSILON}) keeps the value finite where a probability underflows to 0; terms with
 * {@code t_ij = 0} contribute nothing.
 *
 * <p>Gradient, of exactly this value: {@code ∂L/∂p_ij = −t_ij / (n p_ij)} for p ≥ ε, and 0 where the floor
 * holds (or t = 0).
 *
 * <p>After a {@code softmax} output layer the engine uses the fused gradient
 * {@code dZ = (P ⊙ rowsum(T) − T)/n} (that is {@code (P − T)/n} for rows summing to 1), the exact gradient
 * with respect to the logits for any targets. Registered as {@code categorical-cross-entropy}, alias
 * {@code cce}. For raw scores use {@code softmax-cross-entropy}.
 */
public final class CategoricalCrossEntropy extends AbstractLoss {

    /** The registered name. */
    public static final String NAME = "categorical-cross-entropy";
    /** Probabilities are floored at this ε inside the logarithm. */
    public static final double EPSILON = 1e-12;

    private static final FusedGradient FUSED = new FusedSoftmaxGradient();

    private static final String HINT = "; categorical-cross-entropy takes probabilities, e.g. from a softmax"
            + " output layer (for raw scores use softmax-cross-entropy)";

    /** The categorical cross-entropy. */
    public CategoricalCrossEntropy() {
        super(NAME, Config.empty());
    }

    /** Checks the shapes, outputs in [0, 1] and targets ≥ 0. */
    @Override
    public void validate(DMatrixRMaj output, DMatrixRMaj target) {
        Checks.requireSameShape(NAME, output, target);
        Checks.requireRange(NAME, "outputs", output, 0, 1, HINT);
        Checks.requireRange(NAME, "targets", target, 0, Double.MAX_VALUE, "");
    }

    /** {@code −(1/n) Σ t log max(p, ε)}. */
    @Override
    public double value(DMatrixRMaj output, DMatrixRMaj target) {
        Checks.requireSameShape(NAME, output, target);
        int size = output.getNumElements();
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double t = target.data[i];
            if (t != 0) {
                // t log max(p, ε)
                sum += t * Math.log(Math.max(output.data[i], EPSILON));
            }
        }
        return -sum / output.numRows;
    }

    /** {@code ∂L/∂p = −t / (n p)} for p ≥ ε, else 0. */
    @Override
    public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
        Checks.requireSameShape(NAME, output, target);
        Checks.requireGradientShape(NAME, output, grad);
        int size = output.getNumElements();
        double inverseN = 1.0 / output.numRows;
        for (int i = 0; i < size; i++) {
            double p = output.data[i];
            double t = target.data[i];
            // ∂L/∂p = −t / (n p), 0 where the floor holds or t = 0
            grad.data[i] = t != 0 && p >= EPSILON ? -t / p * inverseN : 0.0;
        }
    }

    /** {@code dZ = (P ⊙ rowsum(T) − T)/n} after a {@code softmax}. */
    @Override
    public Optional<FusedGradient> fusedWith(Activation outputActivation) {
        return outputActivation.standardForm().orElse(null) == StandardActivation.SOFTMAX
                ? Optional.of(FUSED)
                : Optional.empty();
    }
}
