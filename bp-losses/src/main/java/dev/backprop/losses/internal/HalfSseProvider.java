package dev.backprop.losses.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.HalfSse;
import java.util.Set;

/** Creates {@link HalfSse}; takes no parameters. */
public final class HalfSseProvider implements LossProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public HalfSseProvider() {}

    @Override
    public String name() {
        return HalfSse.NAME;
    }

    @Override
    public String description() {
        return "half the sum of squared errors over the batch, 1/2 sum (y - t)^2, gradient y - t";
    }

    @Override
    public Loss create(Config config) {
        config.requireOnly("loss '" + HalfSse.NAME + "'", Set.of());
        return new HalfSse();
    }
}
