package dev.backprop.core.testing;

import dev.backprop.core.spi.MatrixBackend;
import dev.backprop.core.spi.MatrixBackendProvider;

/**
 * A matrix backend whose native library is never there: registered for discovery tests, never selected. Not final,
 * so that a test can rename it.
 */
public class UnavailableBackendProvider implements MatrixBackendProvider {

    /** For {@link java.util.ServiceLoader}. */
    public UnavailableBackendProvider() {}

    @Override
    public String name() {
        return "unavailable-test";
    }

    @Override
    public String description() {
        return "test backend that never loads";
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public boolean isAvailable() {
        return false;
    }

    @Override
    public MatrixBackend create() {
        throw new IllegalStateException("unavailable-test never runs");
    }
}
