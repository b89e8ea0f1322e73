package dev.backprop.activations;

import dev.backprop.core.numeric.StableMath;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;
import dev.backprop.core.spi.StandardActivation;
import java.util.Map;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * The softmax of each row, {@code s_j = e^(z_j) / Σ_i e^(z_i)}, turning a row of scores into probabilities.
 * Row-wise: every output of a row depends on the whole row; rows stay independent of each other. Computed
 * max-shifted, {@code s_j = e^(z_j − m) / Σ_i e^(z_i − m)} with {@code m = max_i z_i}, which is the same
 * function but never overflows: the softmax of [1000, 1000] is [½, ½].
 *
 * <p>Derivative: the Jacobian of a row is {@code ∂s_j/∂z_i = s_j (δ_ij − s_i)}, so the vector-Jacobian product
 * the backward pass computes is the exact {@code dz = s ⊙ (g − Σ_j g_j s_j)} for each row, not the diagonal
 * {@code s (1 − s) ⊙ g} alone.
 *
 * <p>Followed by categorical-cross-entropy or kl-divergence, the engine uses the fused gradient
 * {@code (P ⊙ rowsum(T) − T)/n} instead.
 */
public final class Softmax implements Activation, OnnxExportable {

    /** The registered name. */
    public static final String NAME = "softmax";

    /** The softmax activation. */
    public Softmax() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Config config() {
        return Config.empty();
    }

    /** Row by row: {@code s_j = e^(z_j − m) / Σ_i e^(z_i − m)} with {@code m} the row's maximum. */
    @Override
    public void forward(DMatrixRMaj z, DMatrixRMaj a) {
        Shapes.requireShapeOf(NAME, z, "output A", a);
        int k = z.numCols;
        double[] zd = z.data;
        double[] ad = a.data;
        for (int start = 0, end = k; start < z.getNumElements(); start += k, end += k) {
            // m = max_i z_i
            double m = StableMath.max(zd, start, end);
            // e_j = e^(z_j − m),  sum = Σ e_j
            double sum = 0;
            for (int i = start; i < end; i++) {
                double e = Math.exp(zd[i] - m);
                ad[i] = e;
                sum += e;
            }
            // s_j = e_j / sum
            double inverse = 1.0 / sum;
            for (int i = start; i < end; i++) {
                ad[i] *= inverse;
            }
        }
    }

    /** Row by row: {@code dz = s ⊙ (g − Σ_j g_j s_j)}, with {@code s} the forward output. */
    @Override
    public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
        Shapes.requireBackwardShapes(NAME, z, a, g, dz);
        int k = z.numCols;
        double[] sd = a.data;
        double[] gd = g.data;
        double[] out = dz.data;
        for (int start = 0, end = k; start < z.getNumElements(); start += k, end += k) {
            // dot = Σ_j g_j s_j   (read before dz is written, so dz may be g)
            double dot = 0;
            for (int i = start; i < end; i++) {
                dot += gd[i] * sd[i];
            }
            // dz_j = s_j (g_j − dot)
            for (int i = start; i < end; i++) {
                out[i] = sd[i] * (gd[i] - dot);
            }
        }
    }

    /** Exactly the standard softmax, so losses may fuse their gradient with it. */
    @Override
    public Optional<StandardActivation> standardForm() {
        return Optional.of(StandardActivation.SOFTMAX);
    }

    /** True: each output depends on its whole row. */
    @Override
    public boolean isRowWise() {
        return true;
    }

    /** The name, {@code softmax}. */
    @Override
    public String toString() {
        return NAME;
    }

    /** The Softmax operator along the last axis (axis 1 of the {@code [n, k]} input). */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        return OnnxForms.node(graph, "Softmax", Map.of("axis", 1), z);
    }
}
