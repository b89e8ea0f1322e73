package dev.backprop.losses;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.FusedGradient;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * The Kullback–Leibler divergence of predicted probabilities P from target distributions T, both n × k with
 * rows of probabilities, averaged over the n rows (Keras's {@code KLDivergence} convention, on probabilities
 * rather than PyTorch's log-probabilities):
 * <pre>
 *   L = (1/n) Σ_ij t_ij (log t_ij − log max(p_ij, ε)),   ε = 1e-12,   with 0 · log 0 = 0
 * </pre>
 * It differs from the categorical cross-entropy by the targets' entropy, a constant, so the gradients agree.
 *
 * <p>Gradient: {@code ∂L/∂p_ij = −t_ij / (n p_ij)} for p ≥ ε, and 0 where the floor holds (or t = 0). After a
 * {@code softmax} output layer the engine uses the fused {@code dZ = (P ⊙ rowsum(T) − T)/n}.
 */
public final class KlDivergence extends AbstractLoss {

    /** The registered name. */
    public static final String NAME = "kl-divergence";
    /** Probabilities are floored at this ε inside the logarithm. */
    public static final double EPSILON = 1e-12;

    private static final String HINT = "; kl-divergence takes probabilities, e.g. from a softmax output layer";

    private final CategoricalCrossEntropy crossEntropy = new CategoricalCrossEntropy();

    /** The KL divergence. */
    public KlDivergence() {
        super(NAME, Config.empty());
    }

    /** Checks the shapes, outputs in [0, 1] and targets ≥ 0. */
    @Override
    public void validate(DMatrixRMaj output, DMatrixRMaj target) {
        Checks.requireSameShape(NAME, output, target);
        Checks.requireRange(NAME, "outputs", output, 0, 1, HINT);
        Checks.requireRange(NAME, "targets", target, 0, Double.MAX_VALUE, "");
    }

    /** {@code (1/n) Σ_{t>0} t (log t − log max(p, ε))}. */
    @Override
    public double value(DMatrixRMaj output, DMatrixRMaj target) {
        Checks.requireSameShape(NAME, output, target);
        int size = output.getNumElements();
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double t = target.data[i];
            if (t > 0) {
                // t (log t − log max(p, ε))
                sum += t * (Math.log(t) - Math.log(Math.max(output.data[i], EPSILON)));
            }
        }
        return sum / output.numRows;
    }

    /**
     * {@code ∂L/∂p = −t / (n p)} for p ≥ ε, else 0: KL(t‖p) = CE(t, p) − H(t) and the entropy H(t) does not
     * depend on p, so the gradient is categorical cross-entropy's, computed by it.
     */
    @Override
    public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
        Checks.requireSameShape(NAME, output, target);
        Checks.requireGradientShape(NAME, output, grad);
        crossEntropy.gradient(output, target, grad);
    }

    /** {@code dZ = (P ⊙ rowsum(T) − T)/n} after a {@code softmax}, as for categorical cross-entropy. */
    @Override
    public Optional<FusedGradient> fusedWith(Activation outputActivation) {
        return crossEntropy.fusedWith(outputActivation);
    }
}
