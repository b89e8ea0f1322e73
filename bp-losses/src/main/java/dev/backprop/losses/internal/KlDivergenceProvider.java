package dev.backprop.losses.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.KlDivergence;
import java.util.Set;

/** Creates {@link KlDivergence}; takes no parameters. */
public final class KlDivergenceProvider implements LossProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public KlDivergenceProvider() {}

    @Override
    public String name() {
        return KlDivergence.NAME;
    }

    @Override
    public String description() {
        return "Kullback-Leibler divergence sum t log(t / p) of probabilities from targets, mean over rows";
    }

    @Override
    public Loss create(Config config) {
        config.requireOnly("loss '" + KlDivergence.NAME + "'", Set.of());
        return new KlDivergence();
    }
}
