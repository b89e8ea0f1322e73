package dev.backprop.optim.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.OptimizerProvider;
import dev.backprop.optim.Adam;

/** Provides AdamW, {@link Adam} with decoupled weight decay 0.01 by default, under the name {@code adamw}. */
public final class AdamWProvider implements OptimizerProvider {

    /** A stateless provider. */
    public AdamWProvider() {}

    @Override
    public String name() {
        return Adam.ADAMW_NAME;
    }

    @Override
    public String description() {
        return "AdamW (Loshchilov and Hutter 2019): Adam with decoupled weight decay w *= 1 - lr * weight-decay.";
    }

    @Override
    public Optimizer create(Config config) {
        return Adam.adamW(config);
    }
}
