package dev.backprop.optim;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Parameter;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The regularisation every built-in optimizer accepts through its own parameters, so that it is stored with
 * the optimizer in model files and on command lines. Immutable.
 *
 * <table>
 * <caption>Keys, all off by default</caption>
 * <tr><th>key</th><th>effect</th></tr>
 * <tr><td>{@code clip-value}</td><td>{@code g ← clamp(g, −c, c)} element-wise; 0 is off</td></tr>
 * <tr><td>{@code l2}</td><td>penalty {@code (λ₂/2)·Σw²} added to the loss: {@code g ← g + λ₂·w}</td></tr>
 * <tr><td>{@code l1}</td><td>penalty {@code λ₁·Σ|w|} added to the loss: {@code g ← g + λ₁·sign(w)}, with
 *     {@code sign(0) = 0}</td></tr>
 * <tr><td>{@code clip-norm}</td><td>when the global norm {@code ‖g‖ = √(Σ over all parameters g²)} exceeds
 *     c, every gradient is scaled by {@code c / ‖g‖} (Pascanu, Mikolov and Bengio 2013, Algorithm 1); 0 is
 *     off</td></tr>
 * <tr><td>{@code weight-decay}</td><td>decoupled decay {@code w ← w·(1 − η·λ)} with η the step's learning rate
 *     (Loshchilov and Hutter 2019; PyTorch's {@code AdamW})</td></tr>
 * <tr><td>{@code max-norm}</td><td>after the update, each column of a weight matrix W (in × out) — the weights
 *     into one output unit — is scaled onto the ball {@code ‖w_j‖₂ ≤ c} when outside it (Srivastava et al.
 *     2014, section 5.1); 0 is off</td></tr>
 * <tr><td>{@code regularize-bias}</td><td>whether l2, l1, weight-decay and max-norm also act on biases;
 *     false by default. Clipping always acts on every gradient.</td></tr>
 * </table>
 *
 * <p>Order within one optimisation step, as {@link AbstractOptimizer} applies it: clip-value, then the l1 and
 * l2 penalties, then clip-norm (so the clipped norm includes the penalties' gradients, as when the penalty
 * is part of the loss), then the decoupled weight decay, then the optimizer's own update, then max-norm.
 * Decay before the update follows PyTorch's {@code AdamW}: since the updates read only gradients and their
 * own state, never w, the step is {@code w_new = w·(1 − η·λ) − Δ(g)}, which decays the weights before the
 * step.
 */
public final class Regularization {

    /** The key of the L2 penalty coefficient λ₂. */
    public static final String L2 = "l2";
    /** The key of the L1 penalty coefficient λ₁. */
    public static final String L1 = "l1";
    /** The key of the decoupled weight-decay coefficient λ. */
    public static final String WEIGHT_DECAY = "weight-decay";
    /** The key of the element-wise gradient clip c. */
    public static final String CLIP_VALUE = "clip-value";
    /** The key of the global gradient-norm clip c. */
    public static final String CLIP_NORM = "clip-norm";
    /** The key of the max-norm constraint c. */
    public static final String MAX_NORM = "max-norm";
    /** The key of the switch that extends penalties, decay and max-norm to biases. */
    public static final String REGULARIZE_BIAS = "regularize-bias";

    /** Every key read by {@link #from}. */
    public static final Set<String> KEYS =
            Set.of(L2, L1, WEIGHT_DECAY, CLIP_VALUE, CLIP_NORM, MAX_NORM, REGULARIZE_BIAS);

    private static final Regularization NONE = new Regularization(0, 0, 0, 0, 0, 0, false);

    private final double l2;
    private final double l1;
    private final double weightDecay;
    private final double clipValue;
    private final double clipNorm;
    private final double maxNorm;
    private final boolean regularizeBias;

    private Regularization(
            double l2,
            double l1,
            double weightDecay,
            double clipValue,
            double clipNorm,
            double maxNorm,
            boolean regularizeBias) {
        this.l2 = l2;
        this.l1 = l1;
        this.weightDecay = weightDecay;
        this.clipValue = clipValue;
        this.clipNorm = clipNorm;
        this.maxNorm = maxNorm;
        this.regularizeBias = regularizeBias;
    }

    /** No regularisation at all. */
    public static Regularization none() {
        return NONE;
    }

    /**
     * Reads the regularisation keys of an optimizer's configuration, ignoring other keys.
     *
     * @param component          the optimizer's name, for messages
     * @param config             the configuration
     * @param defaultWeightDecay the decoupled decay when {@code weight-decay} is absent (0.01 for adamw, 0 for
     *                           the others)
     * @throws IllegalArgumentException naming the component, the key and the value of a negative or
     *                                  non-finite coefficient
     */
    public static Regularization from(String component, Config config, double defaultWeightDecay) {
        return new Regularization(
                HyperParameters.nonNegative(component, L2, HyperParameters.getDouble(component, config, L2, 0)),
                HyperParameters.nonNegative(component, L1, HyperParameters.getDouble(component, config, L1, 0)),
                HyperParameters.nonNegative(
                        component,
                        WEIGHT_DECAY,
                        HyperParameters.getDouble(component, config, WEIGHT_DECAY, defaultWeightDecay)),
                HyperParameters.nonNegative(
                        component, CLIP_VALUE, HyperParameters.getDouble(component, config, CLIP_VALUE, 0)),
                HyperParameters.nonNegative(
                        component, CLIP_NORM, HyperParameters.getDouble(component, config, CLIP_NORM, 0)),
                HyperParameters.nonNegative(
                        component, MAX_NORM, HyperParameters.getDouble(component, config, MAX_NORM, 0)),
                HyperParameters.getBoolean(component, config, REGULARIZE_BIAS, false));
    }

    /** The configuration with every regularisation key added, defaults included. */
    public Config addTo(Config config) {
        return config.with(L2, l2)
                .with(L1, l1)
                .with(WEIGHT_DECAY, weightDecay)
                .with(CLIP_VALUE, clipValue)
                .with(CLIP_NORM, clipNorm)
                .with(MAX_NORM, maxNorm)
                .with(REGULARIZE_BIAS, regularizeBias);
    }

    /** λ₂. */
    public double l2() {
        return l2;
    }

    /** λ₁. */
    public double l1() {
        return l1;
    }

    /** The decoupled weight decay λ. */
    public double weightDecay() {
        return weightDecay;
    }

    /** The element-wise clip, 0 when off. */
    public double clipValue() {
        return clipValue;
    }

    /** The global-norm clip, 0 when off. */
    public double clipNorm() {
        return clipNorm;
    }

    /** The max-norm constraint, 0 when off. */
    public double maxNorm() {
        return maxNorm;
    }

    /** Whether penalties, decay and max-norm act on biases too. */
    public boolean regularizeBias() {
        return regularizeBias;
    }

    private boolean penalises(Parameter p) {
        return regularizeBias || p.kind() == Parameter.Kind.WEIGHT;
    }

    /**
     * Transforms the gradients before the update, in place: clip-value, the l1 and l2 penalties, clip-norm.
     *
     * @param parameters the parameters; their gradients are modified, their values not
     */
    public void transformGradients(List<Parameter> parameters) {
        int count = parameters.size();
        if (clipValue > 0) {
            for (int i = 0; i < count; i++) {
                double[] g = parameters.get(i).gradient().data;
                int n = parameters.get(i).size();
                for (int k = 0; k < n; k++) {
                    // g = clamp(g, -c, c)
                    g[k] = Math.max(-clipValue, Math.min(clipValue, g[k]));
                }
            }
        }
        if (l2 > 0 || l1 > 0) {
            for (int i = 0; i < count; i++) {
                Parameter p = parameters.get(i);
                if (!penalises(p)) {
                    continue;
                }
                double[] w = p.value().data;
                double[] g = p.gradient().data;
                int n = p.size();
                for (int k = 0; k < n; k++) {
                    // g = g + λ₂·w + λ₁·sign(w)
                    g[k] += l2 * w[k] + l1 * Math.signum(w[k]);
                }
            }
        }
        if (clipNorm > 0) {
            double sumOfSquares = 0;
            for (int i = 0; i < count; i++) {
                double[] g = parameters.get(i).gradient().data;
                int n = parameters.get(i).size();
                for (int k = 0; k < n; k++) {
                    // ‖g‖² = Σ g²
                    sumOfSquares += g[k] * g[k];
                }
            }
            double norm = Math.sqrt(sumOfSquares);
            if (norm > clipNorm) {
                double scale = clipNorm / norm;
                for (int i = 0; i < count; i++) {
                    double[] g = parameters.get(i).gradient().data;
                    int n = parameters.get(i).size();
                    for (int k = 0; k < n; k++) {
                        // g = g · c / ‖g‖
                        g[k] *= scale;
                    }
                }
            }
        }
    }

    /**
     * Applies the decoupled weight decay {@code w ← w·(1 − η·λ)} to the parameters it covers.
     *
     * @param parameters   the parameters; their values are modified
     * @param learningRate the step's learning rate η
     */
    public void decay(List<Parameter> parameters, double learningRate) {
        if (weightDecay == 0) {
            return;
        }
        double factor = 1 - learningRate * weightDecay;
        for (int i = 0, count = parameters.size(); i < count; i++) {
            Parameter p = parameters.get(i);
            if (!penalises(p)) {
                continue;
            }
            double[] w = p.value().data;
            int n = p.size();
            for (int k = 0; k < n; k++) {
                // w = w · (1 − η·λ)
                w[k] *= factor;
            }
        }
    }

    /**
     * Applies the max-norm constraint after the update: each column j of a parameter (rows × cols) with
     * {@code ‖w_j‖₂ > c} becomes {@code w_j · c / ‖w_j‖₂}.
     *
     * @param parameters the parameters; their values are modified
     */
    public void constrain(List<Parameter> parameters) {
        if (maxNorm == 0) {
            return;
        }
        for (int i = 0, count = parameters.size(); i < count; i++) {
            Parameter p = parameters.get(i);
            if (!penalises(p)) {
                continue;
            }
            double[] w = p.value().data;
            int rows = p.value().numRows;
            int cols = p.value().numCols;
            for (int j = 0; j < cols; j++) {
                double sumOfSquares = 0;
                for (int r = 0; r < rows; r++) {
                    // ‖w_j‖² = Σ_r W[r, j]²
                    sumOfSquares += w[r * cols + j] * w[r * cols + j];
                }
                double norm = Math.sqrt(sumOfSquares);
                if (norm > maxNorm) {
                    double scale = maxNorm / norm;
                    for (int r = 0; r < rows; r++) {
                        // w_j = w_j · c / ‖w_j‖
                        w[r * cols + j] *= scale;
                    }
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Regularization r
                && Double.compare(l2, r.l2) == 0
                && Double.compare(l1, r.l1) == 0
                && Double.compare(weightDecay, r.weightDecay) == 0
                && Double.compare(clipValue, r.clipValue) == 0
                && Double.compare(clipNorm, r.clipNorm) == 0
                && Double.compare(maxNorm, r.maxNorm) == 0
                && regularizeBias == r.regularizeBias;
    }

    @Override
    public int hashCode() {
        return Objects.hash(l2, l1, weightDecay, clipValue, clipNorm, maxNorm, regularizeBias);
    }

    /** The parameters as {@code key=value} pairs. */
    @Override
    public String toString() {
        return addTo(Config.empty()).toString();
    }
}
