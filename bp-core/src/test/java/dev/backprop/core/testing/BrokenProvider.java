package dev.backprop.core.testing;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;

/** A provider whose constructor fails, as a plug-in with a missing dependency would. */
public final class BrokenProvider implements ActivationProvider {

    /** Always fails. */
    public BrokenProvider() {
        throw new IllegalStateException("broken on purpose");
    }

    @Override
    public String name() {
        return "broken";
    }

    @Override
    public Activation create(Config config) {
        throw new UnsupportedOperationException();
    }
}
