package dev.backprop.activations.internal;

import dev.backprop.activations.LogSoftmax;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/** Creates {@link LogSoftmax}; takes no parameters. */
public final class LogSoftmaxProvider implements ActivationProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public LogSoftmaxProvider() {}

    @Override
    public String name() {
        return LogSoftmax.NAME;
    }

    @Override
    public String description() {
        return "log of the softmax of each row, z_j - log sum_i exp(z_i), computed max-shifted";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation '" + LogSoftmax.NAME + "'", Set.of());
        return new LogSoftmax();
    }
}
