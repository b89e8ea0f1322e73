package dev.backprop.core.internal.backend;

import dev.backprop.core.spi.MatrixBackend;
import dev.backprop.core.spi.MatrixBackendProvider;

/**
 * Provides {@link EjmlBackend}, the pure-Java default: always available, priority 0. The system property
 * {@value #THREADS_PROPERTY} sets how many threads one product may use (default: one per processor, through
 * the common fork-join pool).
 */
public final class EjmlBackendProvider implements MatrixBackendProvider {

    /** The system property giving the number of threads, e.g. {@code -Dbp.threads=1}. */
    public static final String THREADS_PROPERTY = "bp.threads";

    /** For {@link java.util.ServiceLoader} and {@link dev.backprop.core.backend.MatrixBackends}. */
    public EjmlBackendProvider() {}

    @Override
    public String name() {
        return EjmlBackend.NAME;
    }

    @Override
    public String description() {
        return "pure Java on EJML matrices; always available";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    /**
     * Creates the backend with the number of threads from {@value #THREADS_PROPERTY}, if set.
     *
     * @throws IllegalArgumentException if the property is not a whole number of at least 1
     */
    @Override
    public MatrixBackend create() {
        String value = System.getProperty(THREADS_PROPERTY);
        if (value == null || value.isBlank()) {
            return new EjmlBackend();
        }
        int threads;
        try {
            threads = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "System property " + THREADS_PROPERTY + " must be a whole number of"
                            + " threads, at least 1, but is '" + value + "'",
                    e);
        }
        if (threads < 1) {
            throw new IllegalArgumentException(
                    "System property " + THREADS_PROPERTY + " must be at least 1, but is " + threads);
        }
        return new EjmlBackend(threads);
    }
}
