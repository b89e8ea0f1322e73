package dev.backprop.core.testing;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;

/** A second provider claiming the name "test-square", for the duplicate-name tests. */
public final class DuplicateSquareProvider implements ActivationProvider {

    @Override
    public String name() {
        return "TEST-SQUARE";
    }

    @Override
    public Activation create(Config config) {
        return TestActivations.identity();
    }
}
