package dev.backprop.losses.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.BinaryCrossEntropy;
import java.util.Set;

/** Creates {@link BinaryCrossEntropy}; takes no parameters. */
public final class BinaryCrossEntropyProvider implements LossProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public BinaryCrossEntropyProvider() {}

    @Override
    public String name() {
        return BinaryCrossEntropy.NAME;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("bce");
    }

    @Override
    public String description() {
        return "binary cross-entropy on probabilities (clamped to [1e-12, 1 - 1e-12]), mean over rows";
    }

    @Override
    public Loss create(Config config) {
        config.requireOnly("loss '" + BinaryCrossEntropy.NAME + "'", Set.of());
        return new BinaryCrossEntropy();
    }
}
