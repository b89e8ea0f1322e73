package dev.backprop.optim.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.OptimizerProvider;
import dev.backprop.optim.RmsProp;

/** Provides {@link RmsProp} under the name {@code rmsprop}. */
public final class RmsPropProvider implements OptimizerProvider {

    /** A stateless provider. */
    public RmsPropProvider() {}

    @Override
    public String name() {
        return RmsProp.NAME;
    }

    @Override
    public String description() {
        return "RMSProp: s = rho * s + (1 - rho) * g^2, w -= lr * g / (sqrt(s) + eps).";
    }

    @Override
    public Optimizer create(Config config) {
        return new RmsProp(config);
    }
}
