package dev.backprop.activations.internal;

import dev.backprop.activations.Sigmoid;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/** Creates {@link Sigmoid}; takes no parameters. */
public final class SigmoidProvider implements ActivationProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public SigmoidProvider() {}

    @Override
    public String name() {
        return Sigmoid.NAME;
    }

    @Override
    public String description() {
        return "logistic sigmoid 1 / (1 + exp(-z)), into (0, 1)";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation '" + Sigmoid.NAME + "'", Set.of());
        return new Sigmoid();
    }
}
