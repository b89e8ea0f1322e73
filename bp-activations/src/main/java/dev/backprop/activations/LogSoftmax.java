package dev.backprop.activations;

import dev.backprop.core.numeric.StableMath;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The logarithm of the softmax of each row, {@code a_j = z_j − log Σ_i e^(z_i)}, computed as
 * {@code a_j = (z_j − m) − log Σ_i e^(z_i − m)} with {@code m = max_i z_i}, which never overflows and keeps
 * the tiny log-probabilities that {@code log(softmax(z))} would round to −∞: log-softmax of [−1e4, 1e4] is
 * [−2e4, 0]. Row-wise, like softmax.
 *
 * <p>Derivative: {@code ∂a_j/∂z_i = δ_ij − s_i} with {@code s = softmax(z) = e^a}, so the vector-Jacobian
 * product is {@code dz = g − s · Σ_j g_j} for each row.
 */
public final class LogSoftmax implements Activation, OnnxExportable {

    /** The registered name. */
    public static final String NAME = "log-softmax";

    /** The log-softmax activation. */
    public LogSoftmax() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Config config() {
        return Config.empty();
    }

    /** Row by row: {@code a_j = (z_j − m) − log Σ_i e^(z_i − m)} with {@code m} the row's maximum. */
    @Override
    public void forward(DMatrixRMaj z, DMatrixRMaj a) {
        Shapes.requireShapeOf(NAME, z, "output A", a);
        int k = z.numCols;
        double[] zd = z.data;
        double[] ad = a.data;
        for (int start = 0, end = k; start < z.getNumElements(); start += k, end += k) {
            // m = max_i z_i
            double m = StableMath.max(zd, start, end);
            // sum = Σ_i e^(z_i − m)
            double sum = StableMath.sumExpShifted(zd, start, end, m);
            // a_j = (z_j − m) − log(sum)
            double logSum = Math.log(sum);
            for (int i = start; i < end; i++) {
                ad[i] = (zd[i] - m) - logSum;
            }
        }
    }

    /** Row by row: {@code dz = g − e^a · Σ_j g_j}, with {@code a} the forward output. */
    @Override
    public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
        Shapes.requireBackwardShapes(NAME, z, a, g, dz);
        int k = z.numCols;
        double[] ad = a.data;
        double[] gd = g.data;
        double[] out = dz.data;
        for (int start = 0, end = k; start < z.getNumElements(); start += k, end += k) {
            // total = Σ_j g_j   (read before dz is written, so dz may be g)
            double total = 0;
            for (int i = start; i < end; i++) {
                total += gd[i];
            }
            // dz_j = g_j − s_j total,  s_j = e^(a_j)
            for (int i = start; i < end; i++) {
                out[i] = gd[i] - Math.exp(ad[i]) * total;
            }
        }
    }

    /** True: each output depends on its whole row. */
    @Override
    public boolean isRowWise() {
        return true;
    }

    /** The name, {@code log-softmax}. */
    @Override
    public String toString() {
        return NAME;
    }

    /** The LogSoftmax operator along the last axis (axis 1 of the {@code [n, k]} input). */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        return OnnxForms.node(graph, "LogSoftmax", Map.of("axis", 1), z);
    }
}
