package dev.backprop.activations.internal;

import dev.backprop.activations.Selu;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/** Creates {@link Selu}; takes no parameters. */
public final class SeluProvider implements ActivationProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public SeluProvider() {}

    @Override
    public String name() {
        return Selu.NAME;
    }

    @Override
    public String description() {
        return "scaled exponential linear unit with the self-normalising constants of Klambauer et al.";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation '" + Selu.NAME + "'", Set.of());
        return new Selu();
    }
}
