package dev.backprop.losses;

import dev.backprop.core.spi.Config;
import org.ejml.data.DMatrixRMaj;

/**
 * Binary cross-entropy on raw scores (logits) Z against targets T in [0, 1] of the same shape n × k: the
 * binary cross-entropy of {@code σ(Z)}, summed over the k columns and averaged over the n rows, computed in the
 * stable form (as PyTorch's {@code BCEWithLogitsLoss})
 * <pre>
 *   L = (1/n) Σ_ij [ max(z, 0) − z t + log(1 + e^(−|z|)) ]
 * </pre>
 * which equals {@code −[t log σ(z) + (1 − t) log(1 − σ(z))]} but never takes the logarithm of 0: logits of
 * ±1000 give finite, exact losses without any clamp.
 *
 * <p>Gradient: {@code ∂L/∂z_ij = (σ(z_ij) − t_ij) / n}. Meant after the {@code identity} activation.
 * Registered as {@code binary-cross-entropy-with-logits}, alias {@code bce-with-logits}.
 */
public final class BinaryCrossEntropyWithLogits extends AbstractLoss {

    /** The registered name. */
    public static final String NAME = "binary-cross-entropy-with-logits";

    /** The binary cross-entropy on logits. */
    public BinaryCrossEntropyWithLogits() {
        super(NAME, Config.empty());
    }

    /** Checks the shapes and targets in [0, 1]. */
    @Override
    public void validate(DMatrixRMaj output, DMatrixRMaj target) {
        Checks.requireSameShape(NAME, output, target);
        Checks.requireRange(NAME, "targets", target, 0, 1, "");
    }

    /** {@code (1/n) Σ [max(z, 0) − z t + log1p(e^(−|z|))]}. */
    @Override
    public double value(DMatrixRMaj output, DMatrixRMaj target) {
        Checks.requireSameShape(NAME, output, target);
        int size = output.getNumElements();
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double z = output.data[i];
            // max(z, 0) − z t + log(1 + e^(−|z|))
            sum += Math.max(z, 0) - z * target.data[i] + Math.log1p(Math.exp(-Math.abs(z)));
        }
        return sum / output.numRows;
    }

    /** {@code ∂L/∂z = (σ(z) − t) / n}. */
    @Override
    public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
        Checks.requireSameShape(NAME, output, target);
        Checks.requireGradientShape(NAME, output, grad);
        int size = output.getNumElements();
        double inverseN = 1.0 / output.numRows;
        for (int i = 0; i < size; i++) {
            double z = output.data[i];
            // σ(z) without overflow
            double e = Math.exp(-Math.abs(z));
            double sigma = z >= 0 ? 1 / (1 + e) : e / (1 + e);
            // ∂L/∂z = (σ(z) − t) / n
            grad.data[i] = (sigma - target.data[i]) * inverseN;
        }
    }
}
