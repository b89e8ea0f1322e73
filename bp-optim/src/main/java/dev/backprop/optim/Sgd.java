package dev.backprop.optim;

import dev.backprop.core.spi.Config;
import java.util.Set;

/**
 * Plain stochastic gradient descent, the update of seeds 001 and 003: {@code w ← w − η·g}.
 *
 * <p>Parameters: {@code lr} (default 0.01) and the {@link Regularization} keys. Stateless.
 */
public final class Sgd extends AbstractOptimizer {

    /** The registered name. */
    public static final String NAME = "sgd";

    /**
     * Creates the optimizer.
     *
     * @throws IllegalArgumentException for an unknown key or an invalid value, naming both
     */
    public Sgd(Config config) {
        super(NAME, config, Set.of(), 0.01, 0, false);
    }

    @Override
    protected Config ownConfig() {
        return Config.empty();
    }

    @Override
    protected void update(int n, double[] w, double[] g, double[][] slots, long t, double learningRate) {
        for (int k = 0; k < n; k++) {
            // w = w − η·g
            w[k] -= learningRate * g[k];
        }
    }
}
