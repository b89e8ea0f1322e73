package dev.backprop.optim.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.OptimizerProvider;
import dev.backprop.optim.MomentumSgd;

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
