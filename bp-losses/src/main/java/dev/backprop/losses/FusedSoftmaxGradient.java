package dev.backprop.losses;

import dev.backprop.core.spi.FusedGradient;
import org.ejml.data.DMatrixRMaj;

/**
 * The gradient with respect to the logits Z of a cross-entropy {@code L = −(1/n) Σ_ij t_ij log p_ij} (and of
 * the KL divergence, which differs by a constant) when {@code P = softmax(Z)} row by row:
 * {@code ∂L/∂z_ij = (p_ij r_i − t_ij) / n} with {@code r_i = Σ_j t_ij}, which is {@code (P − T)/n} when the
 * target rows sum to 1. It follows from {@code ∂L/∂p = −T/(nP)} and the softmax Jacobian
 * {@code ∂p_j/∂z_i = p_j (δ_ij − p_i)}; it avoids the division by P, so it stays exact where P underflows.
 */
final class FusedSoftmaxGradient implements FusedGradient {

    @Override
    public void gradient(DMatrixRMaj z, DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj dz) {
        int n = output.numRows;
        int k = output.numCols;
        double[] p = output.data;
        double[] t = target.data;
        double[] out = dz.data;
        double inverseN = 1.0 / n;
        for (int start = 0, end = k; start < n * k; start += k, end += k) {
            // r = Σ_j t_j
            double r = 0;
            for (int i = start; i < end; i++) {
                r += t[i];
            }
            // dz_j = (p_j r − t_j) / n
            for (int i = start; i < end; i++) {
                out[i] = (p[i] * r - t[i]) * inverseN;
            }
        }
    }
}
