package dev.backprop.core.spi;

/**
 * A provider of a {@link MatrixBackend}, found with {@link java.util.ServiceLoader} like the other plug-ins.
 * Providers are stateless, cheap to construct and have a public no-argument constructor.
 *
 * <p>A network resolves its backend once, when it is built: the builder's explicit choice, else the system
 * property {@code bp.backend}, else the available provider with the highest {@link #priority()}. The pure-Java
 * default ({@code ejml}, priority 0) is always available, so a faster backend declares a higher priority and
 * answers {@link #isAvailable()} with false when what it needs (a native library, say) is missing.
 *
 * <p>Backends are found by the same {@link dev.backprop.core.registry.Registry} as every other plug-in kind
 * (kind {@code matrix backend}): the same name rules, the same messages, and two providers of one name refused
 * with a {@link dev.backprop.core.registry.DuplicateProviderException}. A backend takes no parameters, so
 * {@link #create(Config)} accepts only the empty configuration.
 */
public interface MatrixBackendProvider extends ComponentProvider<MatrixBackend> {

    /** The unique name the backend is chosen by: lower case, e.g. {@code blas}. */
    @Override
    String name();

    /** One sentence saying what computes the products, shown by listings. */
    @Override
    default String description() {
        return "";
    }

    /**
     * The rank among available backends for automatic selection; higher wins. The built-in default has 0;
     * a native backend might say 100.
     */
    int priority();

    /**
     * Whether the backend can run here, e.g. whether its native library loads. Called once per selection, so
     * it should be cheap after its first call; it must not throw.
     */
    boolean isAvailable();

    /**
     * Creates the backend.
     *
     * @throws IllegalStateException if the backend is not available, saying why
     */
    MatrixBackend create();

    /**
     * Creates the backend from a configuration, which must be empty: backends take no parameters (their
     * settings are system properties such as {@code bp.threads}).
     *
     * @throws IllegalArgumentException naming the keys given
     */
    @Override
    default MatrixBackend create(Config config) {
        config.requireOnly("matrix backend '" + name() + "'", java.util.Set.of());
        return create();
    }
}
