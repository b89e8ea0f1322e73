package dev.backprop.activations.internal;

import dev.backprop.activations.HardTanh;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/** Creates {@link HardTanh}; parameters {@code min} (default −1) and {@code max} (default 1). */
public final class HardTanhProvider implements ActivationProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public HardTanhProvider() {}

    @Override
    public String name() {
        return HardTanh.NAME;
    }

    @Override
    public String description() {
        return "hard tanh: z clipped to [min, max] (default [-1, 1])";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation '" + HardTanh.NAME + "'", Set.of(HardTanh.MIN, HardTanh.MAX));
        return new HardTanh(
                Parameters.finite(HardTanh.NAME, config, HardTanh.MIN, -1.0),
                Parameters.finite(HardTanh.NAME, config, HardTanh.MAX, 1.0));
    }
}
