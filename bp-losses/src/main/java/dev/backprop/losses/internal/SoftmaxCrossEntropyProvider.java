package dev.backprop.losses.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.SoftmaxCrossEntropy;
import java.util.Set;

/** Creates {@link SoftmaxCrossEntropy}; takes no parameters. */
public final class SoftmaxCrossEntropyProvider implements LossProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public SoftmaxCrossEntropyProvider() {}

    @Override
    public String name() {
        return SoftmaxCrossEntropy.NAME;
    }

    @Override
    public String description() {
        return "cross-entropy of softmax(z) from the logits z, targets one-hot/distributions or class indices,"
                + " mean over rows";
    }

    @Override
    public Loss create(Config config) {
        config.requireOnly("loss '" + SoftmaxCrossEntropy.NAME + "'", Set.of());
        return new SoftmaxCrossEntropy();
    }
}
