package dev.backprop.examples.cli;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;

/**
 * A test plug-in that claims the built-in name {@code relu}. It is not registered on the test class path; a test
 * registers it through a services file in a folder given to {@code bp plugins --plugin-path}.
 */
public final class ConflictingReluProvider implements ActivationProvider {

    /** A stateless provider. */
    public ConflictingReluProvider() {}

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public Activation create(Config config) {
        throw new UnsupportedOperationException("a test plug-in that only claims a name");
    }
}
