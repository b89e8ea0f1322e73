package dev.backprop.activations.internal;

import dev.backprop.activations.Identity;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/** Creates {@link Identity}; takes no parameters. */
public final class IdentityProvider implements ActivationProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public IdentityProvider() {}

    @Override
    public String name() {
        return Identity.NAME;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("linear");
    }

    @Override
    public String description() {
        return "f(z) = z, for regression outputs and losses on raw scores";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation '" + Identity.NAME + "'", Set.of());
        return new Identity();
    }
}
