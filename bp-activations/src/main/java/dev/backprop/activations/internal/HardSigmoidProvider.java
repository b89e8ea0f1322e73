package dev.backprop.activations.internal;

import dev.backprop.activations.HardSigmoid;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/** Creates {@link HardSigmoid}; takes no parameters. */
public final class HardSigmoidProvider implements ActivationProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public HardSigmoidProvider() {}

    @Override
    public String name() {
        return HardSigmoid.NAME;
    }

    @Override
    public String description() {
        return "hard sigmoid relu6(z + 3) / 6 (PyTorch's convention), into [0, 1]";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation '" + HardSigmoid.NAME + "'", Set.of());
        return new HardSigmoid();
    }
}
