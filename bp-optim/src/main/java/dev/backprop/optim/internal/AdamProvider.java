package dev.backprop.optim.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.OptimizerProvider;
import dev.backprop.optim.Adam;

/** Provides {@link Adam} under the name {@code adam}. */
public final class AdamProvider implements OptimizerProvider {

    /** A stateless provider. */
    public AdamProvider() {}

    @Override
    public String name() {
        return Adam.NAME;
    }

    @Override
    public String description() {
        return "Adam (Kingma and Ba 2015): bias-corrected first and second moments, w -= lr * m^ / (sqrt(v^) + eps).";
    }

    @Override
    public Optimizer create(Config config) {
        return Adam.adam(config);
    }
}
