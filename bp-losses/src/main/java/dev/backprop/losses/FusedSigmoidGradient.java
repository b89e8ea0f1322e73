package dev.backprop.losses;

import dev.backprop.core.spi.FusedGradient;
import org.ejml.data.DMatrixRMaj;

/**
 * The gradient with respect to the logits Z of the binary cross-entropy
 * {@code L = −(1/n) Σ_ij [t log p + (1 − t) log(1 − p)]} when {@code P = σ(Z)} entry by entry:
 * {@code ∂L/∂z_ij = (p_ij − t_ij) / n}, from {@code ∂L/∂p = (p − t) / (n p (1 − p))} and
 * {@code σ'(z) = p (1 − p)}. It avoids the division by {@code p (1 − p)}, so it stays exact where the sigmoid
 * saturates.
 */
final class FusedSigmoidGradient implements FusedGradient {

    @Override
    public void gradient(DMatrixRMaj z, DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj dz) {
        int size = output.getNumElements();
        double inverseN = 1.0 / output.numRows;
        for (int i = 0; i < size; i++) {
            // dz = (p − t) / n
            dz.data[i] = (output.data[i] - target.data[i]) * inverseN;
        }
    }
}
