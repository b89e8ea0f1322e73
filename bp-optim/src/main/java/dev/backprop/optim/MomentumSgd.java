package dev.backprop.optim;

import dev.backprop.core.spi.Config;
import java.util.Set;

/**
 * Gradient descent with heavy-ball momentum (Polyak 1964) or Nesterov momentum (Sutskever et al. 2013), in
 * the formulation of PyTorch's {@code torch.optim.SGD} with {@code dampening=0}:
 * <pre>
 *   v ← μ·v + g                     (v starts at 0, so the first step gives v = g)
 *   classical (momentum):  w ← w − η·v
 *   Nesterov  (nesterov):  w ← w − η·(g + μ·v)
 * </pre>
 * The velocity accumulates gradients, not steps, so a learning rate that changes between steps (a schedule)
 * scales the whole step, as in PyTorch.
 *
 * <p>Parameters: {@code lr} (default 0.01), {@code momentum} μ in [0, 1) (default 0.9) and the
 * {@link Regularization} keys. State: {@code <parameter>/velocity}.
 */
public final class MomentumSgd extends AbstractOptimizer {

    /** The registered name of the classical variant. */
    public static final String NAME = "momentum";
    /** The registered name of the Nesterov variant. */
    public static final String NESTEROV_NAME = "nesterov";
    /** The key of μ. */
    public static final String MOMENTUM = "momentum";

    private final double momentum;
    private final boolean nesterov;

    private MomentumSgd(String name, Config config, boolean nesterov) {
        super(name, config, Set.of(MOMENTUM), 0.01, 0, false, "velocity");
        this.momentum =
                HyperParameters.inUnitInterval(name, MOMENTUM, HyperParameters.getDouble(name, config, MOMENTUM, 0.9));
        this.nesterov = nesterov;
    }

    /**
     * The classical heavy-ball variant, named {@code momentum}.
     *
     * @throws IllegalArgumentException for an unknown key or an invalid value, naming both
     */
    public static MomentumSgd classical(Config config) {
        return new MomentumSgd(NAME, config, false);
    }

    /**
     * The Nesterov variant, named {@code nesterov}.
     *
     * @throws IllegalArgumentException for an unknown key or an invalid value, naming both
     */
    public static MomentumSgd nesterov(Config config) {
        return new MomentumSgd(NESTEROV_NAME, config, true);
    }

    /** μ. */
    public double momentum() {
        return momentum;
    }

    /** Whether this is the Nesterov variant. */
    public boolean isNesterov() {
        return nesterov;
    }

    @Override
    protected Config ownConfig() {
        return Config.of(MOMENTUM, momentum);
    }

    @Override
    protected void update(int n, double[] w, double[] g, double[][] slots, long t, double learningRate) {
        double[] v = slots[0];
        for (int k = 0; k < n; k++) {
            // v = μ·v + g
            v[k] = momentum * v[k] + g[k];
        }
        if (nesterov) {
            for (int k = 0; k < n; k++) {
                // w = w − η·(g + μ·v)
                w[k] -= learningRate * (g[k] + momentum * v[k]);
            }
        } else {
            for (int k = 0; k < n; k++) {
                // w = w − η·v
                w[k] -= learningRate * v[k];
            }
        }
    }
}
