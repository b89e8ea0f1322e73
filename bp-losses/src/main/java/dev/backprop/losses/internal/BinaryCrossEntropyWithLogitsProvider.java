package dev.backprop.losses.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.BinaryCrossEntropyWithLogits;
import java.util.Set;

/** Creates {@link BinaryCrossEntropyWithLogits}; takes no parameters. */
public final class BinaryCrossEntropyWithLogitsProvider implements LossProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public BinaryCrossEntropyWithLogitsProvider() {}

    @Override
    public String name() {
        return BinaryCrossEntropyWithLogits.NAME;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("bce-with-logits");
    }

    @Override
    public String description() {
        return "binary cross-entropy of sigmoid(z) computed stably from the logits z, mean over rows";
    }

    @Override
    public Loss create(Config config) {
        config.requireOnly("loss '" + BinaryCrossEntropyWithLogits.NAME + "'", Set.of());
        return new BinaryCrossEntropyWithLogits();
    }
}
