package dev.backprop.activations.internal;

import dev.backprop.activations.LeakyRelu;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/** Creates {@link LeakyRelu}; parameter {@code alpha} (default 0.01). */
public final class LeakyReluProvider implements ActivationProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public LeakyReluProvider() {}

    @Override
    public String name() {
        return LeakyRelu.NAME;
    }

    @Override
    public String description() {
        return "z for z > 0, alpha * z otherwise (alpha >= 0, default 0.01)";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation '" + LeakyRelu.NAME + "'", Set.of(LeakyRelu.ALPHA));
        return new LeakyRelu(Parameters.nonNegative(LeakyRelu.NAME, config, LeakyRelu.ALPHA, LeakyRelu.DEFAULT_ALPHA));
    }
}
