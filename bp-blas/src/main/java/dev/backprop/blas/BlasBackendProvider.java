package dev.backprop.blas;

import dev.backprop.core.spi.MatrixBackend;
import dev.backprop.core.spi.MatrixBackendProvider;

/**
 * Provides {@link BlasBackend} on the system's native BLAS through netlib-java's JNI binding, with priority
 * {@value #PRIORITY}, so that bp selects it automatically whenever the library loads. Install one with, on
 * Debian or Ubuntu, {@code apt-get install libopenblas0-pthread}; without it bp keeps its pure-Java backend.
 *
 * <p>netlib-java's pure-Java {@code VectorBLAS} is deliberately not used as a fallback: it needs
 * {@code --add-modules jdk.incubator.vector}, and bp's own pure-Java backend is as fast on the products of a
 * dense network, or faster (see the bp-bench README).
 */
public final class BlasBackendProvider implements MatrixBackendProvider {

    /** The priority: above the pure-Java default's 0. */
    public static final int PRIORITY = 100;

    /** For {@link java.util.ServiceLoader}. */
    public BlasBackendProvider() {}

    @Override
    public String name() {
        return BlasBackend.NAME;
    }

    @Override
    public String description() {
        NativeBlas nativeBlas = NativeBlas.get();
        return nativeBlas.available()
                ? "netlib JNIBLAS → " + nativeBlas.library()
                : "native BLAS through netlib-java; not available: " + nativeBlas.failure();
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /** Whether the native BLAS loaded; the first call loads it, later calls only look. */
    @Override
    public boolean isAvailable() {
        return NativeBlas.get().available();
    }

    /**
     * Creates the backend.
     *
     * @throws IllegalStateException if the native BLAS did not load, saying why
     */
    @Override
    public MatrixBackend create() {
        NativeBlas nativeBlas = NativeBlas.get();
        if (!nativeBlas.available()) {
            throw new IllegalStateException("The blas matrix backend cannot run: " + nativeBlas.failure());
        }
        return new BlasBackend(nativeBlas.blas(), "netlib JNIBLAS → " + nativeBlas.library());
    }
}
