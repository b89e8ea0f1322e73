package dev.backprop.losses;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.FusedGradient;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import java.util.Optional;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/** Creates {@link KlDivergence}; takes no parameters. */
public final class KlDivergenceProvider implements LossProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public KlDivergenceProvider() {
    }

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
