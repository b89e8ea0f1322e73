package dev.backprop.losses.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.CategoricalCrossEntropy;
import java.util.Set;

/** Creates {@link CategoricalCrossEntropy}; takes no parameters. */
public final class CategoricalCrossEntropyProvider implements LossProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public CategoricalCrossEntropyProvider() {}

    @Override
    public String name() {
        return CategoricalCrossEntropy.NAME;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("cce");
    }

    @Override
    public String description() {
        return "categorical cross-entropy -sum t log p on probabilities (floored at 1e-12), mean over rows";
    }

    @Override
    public Loss create(Config config) {
        config.requireOnly("loss '" + CategoricalCrossEntropy.NAME + "'", Set.of());
        return new CategoricalCrossEntropy();
    }
}
