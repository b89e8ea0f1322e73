package dev.backprop.optim;

import dev.backprop.core.spi.Config;
import java.util.Set;

/**
 * RMSProp (Tieleman and Hinton, Coursera "Neural Networks for Machine Learning", lecture 6.5, 2012), as
 * PyTorch's {@code torch.optim.RMSprop} without momentum and not centred:
 * <pre>
 *   s ← ρ·s + (1 − ρ)·g²            (s starts at 0)
 *   w ← w − η·g / (√s + ε)
 * </pre>
 *
 * <p>Parameters: {@code lr} (default 0.01), {@code rho} ρ in [0, 1) (PyTorch's {@code alpha}; default 0.99),
 * {@code eps} ε &gt; 0 (default 1e-8) and the {@link Regularization} keys. State:
 * {@code <parameter>/square-avg}.
 */
public final class RmsProp extends AbstractOptimizer {

    /** The registered name. */
    public static final String NAME = "rmsprop";
    /** The key of ρ. */
    public static final String RHO = "rho";
    /** The key of ε. */
    public static final String EPS = "eps";

    private final double rho;
    private final double eps;

    /**
     * Creates the optimizer.
     *
     * @throws IllegalArgumentException for an unknown key or an invalid value, naming both
     */
    public RmsProp(Config config) {
        super(NAME, config, Set.of(RHO, EPS), 0.01, 0, false, "square-avg");
        this.rho = HyperParameters.inUnitInterval(NAME, RHO, HyperParameters.getDouble(NAME, config, RHO, 0.99));
        this.eps = HyperParameters.positive(NAME, EPS, HyperParameters.getDouble(NAME, config, EPS, 1e-8));
    }

    @Override
    protected Config ownConfig() {
        return Config.of(RHO, rho, EPS, eps);
    }

    @Override
    protected void update(int n, double[] w, double[] g, double[][] slots, long t, double learningRate) {
        double[] s = slots[0];
        for (int k = 0; k < n; k++) {
            // s = ρ·s + (1 − ρ)·g²
            s[k] = rho * s[k] + (1 - rho) * g[k] * g[k];
            // w = w − η·g / (√s + ε)
            w[k] -= learningRate * g[k] / (Math.sqrt(s[k]) + eps);
        }
    }
}
