package dev.backprop.activations.internal;

import dev.backprop.activations.Elu;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/** Creates {@link Elu}; parameter {@code alpha} (default 1.0). */
public final class EluProvider implements ActivationProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public EluProvider() {}

    @Override
    public String name() {
        return Elu.NAME;
    }

    @Override
    public String description() {
        return "exponential linear unit: z for z > 0, alpha * (exp(z) - 1) otherwise (default alpha 1)";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation '" + Elu.NAME + "'", Set.of(Elu.ALPHA));
        return new Elu(Parameters.nonNegative(Elu.NAME, config, Elu.ALPHA, Elu.DEFAULT_ALPHA));
    }
}
