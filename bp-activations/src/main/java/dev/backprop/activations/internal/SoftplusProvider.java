package dev.backprop.activations.internal;

import dev.backprop.activations.Softplus;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/** Creates {@link Softplus}; takes no parameters. */
public final class SoftplusProvider implements ActivationProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public SoftplusProvider() {}

    @Override
    public String name() {
        return Softplus.NAME;
    }

    @Override
    public String description() {
        return "softplus log(1 + exp(z)), a smooth relu";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation '" + Softplus.NAME + "'", Set.of());
        return new Softplus();
    }
}
