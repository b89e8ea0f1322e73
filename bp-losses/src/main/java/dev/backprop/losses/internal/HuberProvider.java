package dev.backprop.losses.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.Huber;
import java.util.Set;

/** Creates {@link Huber}; parameter {@code delta} (default 1.0). */
public final class HuberProvider implements LossProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public HuberProvider() {}

    @Override
    public String name() {
        return Huber.NAME;
    }

    @Override
    public String description() {
        return "Huber loss, quadratic within delta (default 1) and linear beyond, mean over all entries";
    }

    @Override
    public Loss create(Config config) {
        config.requireOnly("loss '" + Huber.NAME + "'", Set.of(Huber.DELTA));
        double delta = config.getDouble(Huber.DELTA, Huber.DEFAULT_DELTA);
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException(Huber.NAME + " " + Huber.DELTA + " must be > 0 and finite, got "
                    + config.getString(Huber.DELTA, ""));
        }
        return new Huber(delta);
    }
}
