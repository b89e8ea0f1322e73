package dev.backprop.bench;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import org.ejml.data.DMatrixRMaj;

/**
 * Row-wise {@code softmax(z)_j = e^{z_j − max z} / Σ_l e^{z_l − max z}}; its vector-Jacobian product is
 * {@code dz = s ⊙ (g − (g · s))} per row. The engine uses {@link SoftmaxCrossEntropy}'s fused gradient instead
 * when the loss follows it.
 */
final class Softmax implements Activation {

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public Config config() {
        return Config.empty();
    }

    @Override
    public boolean isRowWise() {
        return true;
    }

    @Override
    public void forward(DMatrixRMaj z, DMatrixRMaj a) {
        int k = z.numCols;
        for (int r = 0, row = 0; r < z.numRows; r++, row += k) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, z.data[row + c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                // e_j = exp(z_j − max z)
                double e = Math.exp(z.data[row + c] - max);
                a.data[row + c] = e;
                sum += e;
            }
            double inverse = 1.0 / sum;
            for (int c = 0; c < k; c++) {
                // s_j = e_j / Σ e
                a.data[row + c] *= inverse;
            }
        }
    }

    @Override
    public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
        int k = z.numCols;
        for (int r = 0, row = 0; r < z.numRows; r++, row += k) {
            double dot = 0;
            for (int c = 0; c < k; c++) {
                dot += g.data[row + c] * a.data[row + c];
            }
            for (int c = 0; c < k; c++) {
                // dz_j = s_j (g_j − g · s)
                dz.data[row + c] = a.data[row + c] * (g.data[row + c] - dot);
            }
        }
    }
}
