package dev.backprop.losses.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.Hinge;
import java.util.Set;

/** Creates {@link Hinge}; takes no parameters. */
public final class HingeProvider implements LossProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public HingeProvider() {}

    @Override
    public String name() {
        return Hinge.NAME;
    }

    @Override
    public String description() {
        return "hinge loss max(0, 1 - t y) for labels -1/+1, mean over all entries";
    }

    @Override
    public Loss create(Config config) {
        config.requireOnly("loss '" + Hinge.NAME + "'", Set.of());
        return new Hinge();
    }
}
