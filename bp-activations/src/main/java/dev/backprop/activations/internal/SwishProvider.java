package dev.backprop.activations.internal;

import dev.backprop.activations.Swish;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/** Creates {@link Swish}; takes no parameters. */
public final class SwishProvider implements ActivationProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public SwishProvider() {}

    @Override
    public String name() {
        return Swish.NAME;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("silu");
    }

    @Override
    public String description() {
        return "swish / SiLU z * sigmoid(z)";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation '" + Swish.NAME + "'", Set.of());
        return new Swish();
    }
}
