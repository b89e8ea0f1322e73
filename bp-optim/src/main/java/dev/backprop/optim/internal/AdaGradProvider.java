package dev.backprop.optim.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.OptimizerProvider;
import dev.backprop.optim.AdaGrad;

/** Provides {@link AdaGrad} under the name {@code adagrad}. */
public final class AdaGradProvider implements OptimizerProvider {

    /** A stateless provider. */
    public AdaGradProvider() {}

    @Override
    public String name() {
        return AdaGrad.NAME;
    }

    @Override
    public String description() {
        return "AdaGrad (Duchi et al. 2011): s += g^2, w -= lr * g / (sqrt(s) + eps).";
    }

    @Override
    public Optimizer create(Config config) {
        return new AdaGrad(config);
    }
}
