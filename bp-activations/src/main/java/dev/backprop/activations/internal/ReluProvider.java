package dev.backprop.activations.internal;

import dev.backprop.activations.Relu;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/** Creates {@link Relu}; takes no parameters. */
public final class ReluProvider implements ActivationProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public ReluProvider() {}

    @Override
    public String name() {
        return Relu.NAME;
    }

    @Override
    public String description() {
        return "rectified linear unit max(0, z)";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation '" + Relu.NAME + "'", Set.of());
        return new Relu();
    }
}
