package dev.backprop.optim;

import dev.backprop.core.spi.Config;
import java.util.Set;

/**
 * AdaGrad (Duchi, Hazan and Singer, "Adaptive subgradient methods for online learning and stochastic
 * optimization", JMLR 2011), as PyTorch's {@code torch.optim.Adagrad} without its learning-rate decay
 * (schedules do that):
 * <pre>
 *   s ← s + g²                      (s starts at the initial accumulator)
 *   w ← w − η·g / (√s + ε)
 * </pre>
 *
 * <p>Parameters: {@code lr} (default 0.01), {@code eps} ε &gt; 0 (default 1e-10),
 * {@code initial-accumulator} ≥ 0 (default 0) and the {@link Regularization} keys. State:
 * {@code <parameter>/sum}.
 */
public final class AdaGrad extends AbstractOptimizer {

    /** The registered name. */
    public static final String NAME = "adagrad";
    /** The key of ε. */
    public static final String EPS = "eps";
    /** The key of the accumulator's starting value. */
    public static final String INITIAL_ACCUMULATOR = "initial-accumulator";

    private final double eps;
    private final double initialAccumulator;

    /**
     * Creates the optimizer.
     *
     * @throws IllegalArgumentException for an unknown key or an invalid value, naming both
     */
    public AdaGrad(Config config) {
        super(NAME, config, Set.of(EPS, INITIAL_ACCUMULATOR), 0.01, 0, false, "sum");
        this.eps = HyperParameters.positive(NAME, EPS, HyperParameters.getDouble(NAME, config, EPS, 1e-10));
        this.initialAccumulator = HyperParameters.nonNegative(
                NAME, INITIAL_ACCUMULATOR, HyperParameters.getDouble(NAME, config, INITIAL_ACCUMULATOR, 0));
    }

    @Override
    protected Config ownConfig() {
        return Config.of(EPS, eps, INITIAL_ACCUMULATOR, initialAccumulator);
    }

    @Override
    protected double initialSlotValue(int slot) {
        return initialAccumulator;
    }

    @Override
    protected void update(int n, double[] w, double[] g, double[][] slots, long t, double learningRate) {
        double[] s = slots[0];
        for (int k = 0; k < n; k++) {
            // s = s + g²
            s[k] += g[k] * g[k];
            // w = w − η·g / (√s + ε)
            w[k] -= learningRate * g[k] / (Math.sqrt(s[k]) + eps);
        }
    }
}
