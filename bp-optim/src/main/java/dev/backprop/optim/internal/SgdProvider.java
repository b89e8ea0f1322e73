package dev.backprop.optim.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.OptimizerProvider;
import dev.backprop.optim.Sgd;

/** Provides {@link Sgd} under the name {@code sgd}. */
public final class SgdProvider implements OptimizerProvider {

    /** A stateless provider. */
    public SgdProvider() {}

    @Override
    public String name() {
        return Sgd.NAME;
    }

    @Override
    public String description() {
        return "Stochastic gradient descent: w -= lr * g.";
    }

    @Override
    public Optimizer create(Config config) {
        return new Sgd(config);
    }
}
