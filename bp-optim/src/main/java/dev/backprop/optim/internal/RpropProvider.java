package dev.backprop.optim.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.OptimizerProvider;
import dev.backprop.optim.Rprop;

/** Provides {@link Rprop} (iRprop−) under the name {@code rprop}. */
public final class RpropProvider implements OptimizerProvider {

    /** A stateless provider. */
    public RpropProvider() {}

    @Override
    public String name() {
        return Rprop.NAME;
    }

    @Override
    public String description() {
        return "iRprop- (Igel and Huesken 2000): per-weight step sizes adapted from gradient signs; full-batch.";
    }

    @Override
    public Optimizer create(Config config) {
        return new Rprop(config);
    }
}
