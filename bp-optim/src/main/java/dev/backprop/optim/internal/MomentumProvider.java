package dev.backprop.optim.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.OptimizerProvider;
import dev.backprop.optim.MomentumSgd;

/** Provides the classical variant of {@link MomentumSgd} under the name {@code momentum}. */
public final class MomentumProvider implements OptimizerProvider {

    /** A stateless provider. */
    public MomentumProvider() {}

    @Override
    public String name() {
        return MomentumSgd.NAME;
    }

    @Override
    public String description() {
        return "SGD with heavy-ball momentum: v = momentum * v + g, w -= lr * v.";
    }

    @Override
    public Optimizer create(Config config) {
        return MomentumSgd.classical(config);
    }
}
