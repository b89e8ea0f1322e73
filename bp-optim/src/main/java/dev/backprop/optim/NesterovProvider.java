package dev.backprop.optim;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.OptimizerProvider;

/** Provides the Nesterov variant of {@link MomentumSgd} under the name {@code nesterov}. */
public final class NesterovProvider implements OptimizerProvider {

    /** A stateless provider. */
    public NesterovProvider() {}

    @Override
    public String name() {
        return MomentumSgd.NESTEROV_NAME;
    }

    @Override
    public String description() {
        return "SGD with Nesterov momentum (PyTorch form): v = momentum * v + g, w -= lr * (g + momentum * v).";
    }

    @Override
    public Optimizer create(Config config) {
        return MomentumSgd.nesterov(config);
    }
}
