package dev.backprop.activations.internal;

import dev.backprop.activations.Softmax;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/** Creates {@link Softmax}; takes no parameters. */
public final class SoftmaxProvider implements ActivationProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public SoftmaxProvider() {}

    @Override
    public String name() {
        return Softmax.NAME;
    }

    @Override
    public String description() {
        return "softmax of each row, exp(z_j) / sum_i exp(z_i), computed max-shifted";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation '" + Softmax.NAME + "'", Set.of());
        return new Softmax();
    }
}
