package dev.backprop.losses;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.FusedGradient;
import dev.backprop.core.spi.StandardActivation;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * Binary cross-entropy on probabilities P (a sigmoid's output) against targets T in [0, 1] of the same shape
 * n × k, summed over the k columns and averaged over the n rows:
 * <pre>
 *   L = −(1/n) Σ_ij [ t_ij log p̃_ij + (1 − t_ij) log(1 − p̃_ij) ],   p̃ = min(max(p, ε), 1 − ε),  ε = 1e-12
 * </pre>
 * The clamp to [ε, 1 − ε] ({@link #EPSILON}) keeps the value finite where p is exactly 0 or 1; each term is
 * then at most −log ε ≈ 27.6. (For k = 1 this is PyTorch's {@code BCELoss} with mean reduction, which clamps
 * the logarithms at −100 instead.)
 *
 * <p>Gradient, of exactly this value: {@code ∂L/∂p_ij = (p_ij − t_ij) / (n p_ij (1 − p_ij))} for
 * ε ≤ p ≤ 1 − ε, and 0 outside, where the clamp is constant.
 *
 * <p>After a {@code sigmoid} output layer the engine uses the fused gradient {@code dZ = (P − T)/n}, which
 * needs no division and keeps learning where the sigmoid saturates. Registered as
 * {@code binary-cross-entropy}, alias {@code bce}. For raw scores use {@code binary-cross-entropy-with-logits}.
 */
public final class BinaryCrossEntropy extends AbstractLoss {

    /** The registered name. */
    public static final String NAME = "binary-cross-entropy";
    /** Probabilities are clamped to [ε, 1 − ε] with this ε. */
    public static final double EPSILON = 1e-12;

    private static final FusedGradient FUSED = new FusedSigmoidGradient();

    private static final String HINT = "; binary-cross-entropy takes probabilities, e.g. from a sigmoid output"
            + " layer (for raw scores use binary-cross-entropy-with-logits)";

    /** The binary cross-entropy. */
    public BinaryCrossEntropy() {
        super(NAME, Config.empty());
    }

    /** Checks the shapes, outputs in [0, 1] and targets in [0, 1]. */
    @Override
    public void validate(DMatrixRMaj output, DMatrixRMaj target) {
        Checks.requireSameShape(NAME, output, target);
        Checks.requireRange(NAME, "outputs", output, 0, 1, HINT);
        Checks.requireRange(NAME, "targets", target, 0, 1, "");
    }

    /** {@code −(1/n) Σ [t log p̃ + (1 − t) log(1 − p̃)]}. */
    @Override
    public double value(DMatrixRMaj output, DMatrixRMaj target) {
        Checks.requireSameShape(NAME, output, target);
        int size = output.getNumElements();
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double p = Math.min(Math.max(output.data[i], EPSILON), 1 - EPSILON);
            double t = target.data[i];
            // t log p̃ + (1 − t) log(1 − p̃)
            sum += t * Math.log(p) + (1 - t) * Math.log1p(-p);
        }
        return -sum / output.numRows;
    }

    /** {@code ∂L/∂p = (p − t) / (n p (1 − p))} inside [ε, 1 − ε], 0 outside. */
    @Override
    public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
        Checks.requireSameShape(NAME, output, target);
        Checks.requireGradientShape(NAME, output, grad);
        int size = output.getNumElements();
        double inverseN = 1.0 / output.numRows;
        for (int i = 0; i < size; i++) {
            double p = output.data[i];
            // ∂L/∂p = (p − t) / (n p (1 − p)), and 0 where the clamp holds p̃ constant
            grad.data[i] = p >= EPSILON && p <= 1 - EPSILON ? (p - target.data[i]) / (p * (1 - p)) * inverseN : 0.0;
        }
    }

    /** {@code dZ = (P − T)/n} after a {@code sigmoid}. */
    @Override
    public Optional<FusedGradient> fusedWith(Activation outputActivation) {
        return outputActivation.standardForm().orElse(null) == StandardActivation.SIGMOID
                ? Optional.of(FUSED)
                : Optional.empty();
    }
}
