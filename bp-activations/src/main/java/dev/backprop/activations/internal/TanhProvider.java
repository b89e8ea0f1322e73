package dev.backprop.activations.internal;

import dev.backprop.activations.Tanh;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/** Creates {@link Tanh}; takes no parameters. */
public final class TanhProvider implements ActivationProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public TanhProvider() {}

    @Override
    public String name() {
        return Tanh.NAME;
    }

    @Override
    public String description() {
        return "hyperbolic tangent, into (-1, 1)";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation '" + Tanh.NAME + "'", Set.of());
        return new Tanh();
    }
}
