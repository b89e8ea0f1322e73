package dev.backprop.activations.internal;

import dev.backprop.activations.Mish;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/** Creates {@link Mish}; takes no parameters. */
public final class MishProvider implements ActivationProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public MishProvider() {}

    @Override
    public String name() {
        return Mish.NAME;
    }

    @Override
    public String description() {
        return "mish z * tanh(softplus(z))";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation '" + Mish.NAME + "'", Set.of());
        return new Mish();
    }
}
