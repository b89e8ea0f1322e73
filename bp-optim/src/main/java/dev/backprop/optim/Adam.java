package dev.backprop.optim;

import dev.backprop.core.spi.Config;
import java.util.Set;

/**
 * Adam (Kingma and Ba, "Adam: a method for stochastic optimization", ICLR 2015, Algorithm 1), with ε added
 * to √v̂ as in the paper; and AdamW, the same update with decoupled weight decay (Loshchilov and Hutter,
 * "Decoupled weight decay regularization", ICLR 2019) applied as PyTorch's {@code torch.optim.AdamW} does,
 * {@code w ← w·(1 − η·λ)} before the Adam step. For the t-th update of a parameter:
 * <pre>
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   m̂ = m / (1 − β₁ᵗ),   v̂ = v / (1 − β₂ᵗ)
 *   w ← w − η·m̂ / (√v̂ + ε)
 * </pre>
 * The two differ only in name and in the default of {@code weight-decay}: 0 for {@code adam}, 0.01 for
 * {@code adamw} (PyTorch's default). Note that {@code adam(weight-decay=...)} is decoupled too, since
 * {@code weight-decay} means decoupled decay for every optimizer here; the coupled form of PyTorch's
 * {@code Adam(weight_decay=...)} is {@code l2}.
 *
 * <p>Parameters: {@code lr} (default 0.001), {@code beta1} β₁ and {@code beta2} β₂ in [0, 1) (defaults 0.9
 * and 0.999), {@code eps} ε &gt; 0 (default 1e-8) and the {@link Regularization} keys. State:
 * {@code <parameter>/m}, {@code <parameter>/v}, {@code <parameter>/step}.
 */
public final class Adam extends AbstractOptimizer {

    /** The registered name of Adam. */
    public static final String NAME = "adam";
    /** The registered name of AdamW. */
    public static final String ADAMW_NAME = "adamw";
    /** The key of β₁. */
    public static final String BETA1 = "beta1";
    /** The key of β₂. */
    public static final String BETA2 = "beta2";
    /** The key of ε. */
    public static final String EPS = "eps";

    private final double beta1;
    private final double beta2;
    private final double eps;

    private Adam(String name, Config config, double defaultWeightDecay) {
        super(name, config, Set.of(BETA1, BETA2, EPS), 0.001, defaultWeightDecay, true, "m", "v");
        this.beta1 = HyperParameters.inUnitInterval(name, BETA1, HyperParameters.getDouble(name, config, BETA1, 0.9));
        this.beta2 = HyperParameters.inUnitInterval(name, BETA2, HyperParameters.getDouble(name, config, BETA2, 0.999));
        this.eps = HyperParameters.positive(name, EPS, HyperParameters.getDouble(name, config, EPS, 1e-8));
    }

    /**
     * Adam, named {@code adam}, without weight decay unless configured.
     *
     * @throws IllegalArgumentException for an unknown key or an invalid value, naming both
     */
    public static Adam adam(Config config) {
        return new Adam(NAME, config, 0);
    }

    /**
     * AdamW, named {@code adamw}, with decoupled weight decay 0.01 unless configured.
     *
     * @throws IllegalArgumentException for an unknown key or an invalid value, naming both
     */
    public static Adam adamW(Config config) {
        return new Adam(ADAMW_NAME, config, 0.01);
    }

    @Override
    protected Config ownConfig() {
        return Config.of(BETA1, beta1, BETA2, beta2, EPS, eps);
    }

    @Override
    protected void update(int n, double[] w, double[] g, double[][] slots, long t, double learningRate) {
        double[] m = slots[0];
        double[] v = slots[1];
        // 1 − β₁ᵗ and 1 − β₂ᵗ
        double correction1 = 1 - Math.pow(beta1, (double) t);
        double correction2 = 1 - Math.pow(beta2, (double) t);
        for (int k = 0; k < n; k++) {
            // m = β₁·m + (1 − β₁)·g
            m[k] = beta1 * m[k] + (1 - beta1) * g[k];
            // v = β₂·v + (1 − β₂)·g²
            v[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k];
            // m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
            double mHat = m[k] / correction1;
            double vHat = v[k] / correction2;
            // w = w − η·m̂ / (√v̂ + ε)
            w[k] -= learningRate * mHat / (Math.sqrt(vHat) + eps);
        }
    }
}
