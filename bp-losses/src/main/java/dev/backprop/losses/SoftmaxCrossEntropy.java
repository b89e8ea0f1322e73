package dev.backprop.losses;

import dev.backprop.core.numeric.StableMath;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.FusedGradient;
import dev.backprop.core.spi.StandardActivation;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-entropy of the softmax of raw scores (logits) Z, n × k, averaged over the n rows, computed from the
 * logits in the stable log-sum-exp form (PyTorch's {@code CrossEntropyLoss}). Meant to follow the
 * {@code identity} activation: the softmax is part of the loss. Targets come in two forms, told apart by the
 * width of T:
 * <ul>
 * <li>n × k: one-hot rows or distributions, entries ≥ 0;
 * {@code L = (1/n) Σ_ij t_ij (lse(z_i) − z_ij)} with {@code lse(z_i) = log Σ_j e^(z_ij)}, which is
 * {@code −(1/n) Σ_ij t_ij log softmax(z_i)_j};</li>
 * <li>n × 1 (when k &gt; 1): class indices, integers in [0, k); {@code L = (1/n) Σ_i (lse(z_i) − z_{i,c_i})}.</li>
 * </ul>
 * {@code lse} is computed as {@code m + log Σ_j e^(z_ij − m)} with m the row maximum, so logits of ±1e4 give
 * finite, exact losses.
 *
 * <p>Gradient: {@code ∂L/∂z_ij = (s_ij r_i − t_ij) / n} with {@code s = softmax(z_i)} and
 * {@code r_i = Σ_j t_ij}, that is {@code (S − T)/n} for one-hot or index targets.
 */
public final class SoftmaxCrossEntropy extends AbstractLoss {

    /** The registered name. */
    public static final String NAME = "softmax-cross-entropy";

    private static final Logger LOG = LoggerFactory.getLogger(SoftmaxCrossEntropy.class);

    /** The softmax cross-entropy on logits. */
    public SoftmaxCrossEntropy() {
        super(NAME, Config.empty());
    }

    /**
     * Checks the shapes, and the targets: integer class indices in [0, k) for an n × 1 column, entries ≥ 0
     * for n × k.
     */
    @Override
    public void validate(DMatrixRMaj output, DMatrixRMaj target) {
        boolean indices = requireShape(output, target);
        if (indices) {
            for (int r = 0; r < target.numRows; r++) {
                classIndex(target, r, output.numCols);
            }
        } else {
            Checks.requireRange(NAME, "targets", target, 0, Double.MAX_VALUE, "");
        }
    }

    /** {@code (1/n) Σ_ij t_ij ((m_i − z_ij) + log Σ_j e^(z_ij − m_i))}, or with the indexed logit alone. */
    @Override
    public double value(DMatrixRMaj output, DMatrixRMaj target) {
        boolean indices = requireShape(output, target);
        int n = output.numRows;
        int k = output.numCols;
        double[] z = output.data;
        double[] t = target.data;
        double sum = 0;
        for (int r = 0, start = 0; r < n; r++, start += k) {
            // m = max_j z_j,  logSum = log Σ_j e^(z_j − m)
            double m = StableMath.max(z, start, start + k);
            double logSum = Math.log(StableMath.sumExpShifted(z, start, start + k, m));
            if (indices) {
                // lse − z_c = (m − z_c) + logSum
                sum += (m - z[start + classIndex(target, r, k)]) + logSum;
            } else {
                for (int j = 0; j < k; j++) {
                    double tj = t[start + j];
                    if (tj != 0) {
                        // t_j (lse − z_j) = t_j ((m − z_j) + logSum)
                        sum += tj * ((m - z[start + j]) + logSum);
                    }
                }
            }
        }
        return sum / n;
    }

    /** {@code ∂L/∂z_ij = (softmax(z_i)_j r_i − t_ij) / n}, with one-hot rows for index targets. */
    @Override
    public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
        boolean indices = requireShape(output, target);
        Checks.requireGradientShape(NAME, output, grad);
        int n = output.numRows;
        int k = output.numCols;
        double[] z = output.data;
        double[] t = target.data;
        double[] g = grad.data;
        double inverseN = 1.0 / n;
        for (int r = 0, start = 0; r < n; r++, start += k) {
            double m = StableMath.max(z, start, start + k);
            // g_j = e^(z_j − m), s = Σ g_j
            double s = 0;
            for (int j = start; j < start + k; j++) {
                double e = Math.exp(z[j] - m);
                g[j] = e;
                s += e;
            }
            if (indices) {
                int c = classIndex(target, r, k);
                double scale = inverseN / s;
                // ∂L/∂z_j = (softmax_j − [j = c]) / n
                for (int j = start; j < start + k; j++) {
                    g[j] *= scale;
                }
                g[start + c] -= inverseN;
            } else {
                // r = Σ_j t_j
                double rowSum = 0;
                for (int j = start; j < start + k; j++) {
                    rowSum += t[j];
                }
                double scale = rowSum / s;
                // ∂L/∂z_j = (softmax_j r − t_j) / n
                for (int j = start; j < start + k; j++) {
                    g[j] = (g[j] * scale - t[j]) * inverseN;
                }
            }
        }
    }

    /**
     * None: the loss already contains the softmax. After a {@code softmax} output layer the softmax would be
     * applied twice, which trains badly without failing, so that is logged as a warning.
     */
    @Override
    public Optional<FusedGradient> fusedWith(Activation outputActivation) {
        if (outputActivation.standardForm().orElse(null) == StandardActivation.SOFTMAX) {
            LOG.warn(
                    "{} applies softmax to raw scores itself, but the output layer's activation is softmax, so"
                            + " softmax is applied twice. Use the identity activation for the output layer, or the loss"
                            + " categorical-cross-entropy, which takes probabilities.",
                    NAME);
        }
        return Optional.empty();
    }

    /** Whether the targets are class indices; checks both forms of shape. */
    private static boolean requireShape(DMatrixRMaj output, DMatrixRMaj target) {
        if (target.numRows == output.numRows && target.numCols == output.numCols) {
            return false;
        }
        if (target.numRows == output.numRows && target.numCols == 1) {
            return true;
        }
        throw new IllegalArgumentException(NAME + ": targets are " + Checks.shape(target) + " but outputs are "
                + Checks.shape(output) + "; targets must be " + Checks.shape(output) + " (one-hot or distributions)"
                + " or " + output.numRows + "x1 (class indices)");
    }

    /**
     * The class index of row r, checked.
     *
     * @throws IllegalArgumentException naming the row and value unless an integer in [0, k)
     */
    private static int classIndex(DMatrixRMaj target, int row, int k) {
        double v = target.data[row];
        if (!(v >= 0 && v < k) || v != Math.rint(v)) {
            throw new IllegalArgumentException(
                    NAME + ": targets[" + row + ",0] = " + v + " is not a class index in" + " [0, " + k + ")");
        }
        return (int) v;
    }
}
