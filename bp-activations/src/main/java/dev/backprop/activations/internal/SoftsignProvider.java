package dev.backprop.activations.internal;

import dev.backprop.activations.Softsign;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/** Creates {@link Softsign}; takes no parameters. */
public final class SoftsignProvider implements ActivationProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public SoftsignProvider() {}

    @Override
    public String name() {
        return Softsign.NAME;
    }

    @Override
    public String description() {
        return "softsign z / (1 + |z|), into (-1, 1)";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation '" + Softsign.NAME + "'", Set.of());
        return new Softsign();
    }
}
