package dev.backprop.core.backend;

import dev.backprop.core.internal.backend.EjmlBackend;
import dev.backprop.core.internal.backend.EjmlBackendProvider;
import dev.backprop.core.registry.DuplicateProviderException;
import dev.backprop.core.registry.ProviderInfo;
import dev.backprop.core.registry.Registry;
import dev.backprop.core.registry.UnknownComponentException;
import dev.backprop.core.spi.MatrixBackend;
import dev.backprop.core.spi.MatrixBackendProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matrix backends that can run the products of a network: the built-in pure-Java {@code ejml}, always
 * present, and those found with {@link ServiceLoader} ({@code provides dev.backprop.core.spi.MatrixBackendProvider}
 * in a module, or a {@code META-INF/services} file on the class path). Immutable once built.
 *
 * <p>Discovery is the one every plug-in kind uses, a {@link Registry} of kind {@value #KIND}: a provider that
 * cannot be loaded, or whose name is not usable, is logged and skipped; two providers claiming one name are a
 * conflict that {@link #find} and {@link #create} refuse with a {@link DuplicateProviderException} naming both
 * (and {@link #of} refuses at once), while automatic selection passes over the contested name.
 *
 * <p>Which backend a network uses is decided once, when it is built: the builder's explicit choice, else the
 * system property {@value #PROPERTY}, else the available backend with the highest priority. Networks built
 * without an explicit choice share the JVM-wide {@link #defaultBackend()}, which is resolved on first use and
 * logged in one INFO line such as {@code Matrix backend: blas (netlib JNIBLAS → OpenBLAS)}.
 */
public final class MatrixBackends {

    /** The system property naming the backend, e.g. {@code -Dbp.backend=blas}. */
    public static final String PROPERTY = "bp.backend";

    /** The kind of plug-in, as registry messages name it. */
    public static final String KIND = "matrix backend";

    /** The name of the built-in pure-Java backend. */
    public static final String BUILT_IN = EjmlBackend.NAME;

    private static final Logger LOG = LoggerFactory.getLogger(MatrixBackends.class);

    private final Registry<MatrixBackend, MatrixBackendProvider> registry;

    private MatrixBackends(Registry<MatrixBackend, MatrixBackendProvider> registry) {
        this.registry = registry;
    }

    /**
     * The backends visible to the current thread's context class loader (or, without one, to bp-core's own
     * loader): the class path, and the module path when the application runs as modules.
     */
    public static MatrixBackends discover() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return load(context != null ? context : MatrixBackends.class.getClassLoader());
    }

    /** The backends visible to a class loader. */
    public static MatrixBackends load(ClassLoader loader) {
        return new MatrixBackends(builder().classLoader(loader).build());
    }

    /** The backends in a module layer and its parents. */
    public static MatrixBackends load(ModuleLayer layer) {
        return new MatrixBackends(builder().moduleLayer(layer).build());
    }

    private static Registry.Builder<MatrixBackend, MatrixBackendProvider> builder() {
        return Registry.<MatrixBackend, MatrixBackendProvider>builder(KIND, MatrixBackendProvider.class)
                .provider(new EjmlBackendProvider());
    }

    /**
     * The built-in backend and exactly the given providers.
     *
     * @throws IllegalArgumentException   if a provider's name is not usable
     * @throws DuplicateProviderException if two providers claim one name (the same class twice included)
     */
    public static MatrixBackends of(Collection<? extends MatrixBackendProvider> providers) {
        List<MatrixBackendProvider> all = new ArrayList<>();
        all.add(new EjmlBackendProvider());
        for (MatrixBackendProvider provider : providers) {
            all.add(Objects.requireNonNull(provider, "provider"));
        }
        return new MatrixBackends(Registry.of(KIND, MatrixBackendProvider.class, all));
    }

    /**
     * The built-in pure-Java backend with a fixed number of threads per product, for programs that set it in
     * code rather than with the system property {@code bp.threads}.
     *
     * @param threads at least 1
     * @throws IllegalArgumentException if threads is below 1
     */
    public static MatrixBackend builtIn(int threads) {
        return new EjmlBackend(threads);
    }

    /** The threads per product of the built-in backend, or empty if this is another backend. */
    public static OptionalInt builtInThreads(MatrixBackend backend) {
        return backend instanceof EjmlBackend ejml ? OptionalInt.of(ejml.threads()) : OptionalInt.empty();
    }

    /** The registry the backends were found with. */
    public Registry<MatrixBackend, MatrixBackendProvider> registry() {
        return registry;
    }

    /** The names of every backend found, available here or not, sorted. */
    public Set<String> names() {
        return registry.names();
    }

    /** The providers, sorted by name. */
    public List<MatrixBackendProvider> providers() {
        return registry.providers().stream().map(ProviderInfo::provider).toList();
    }

    /** The names of the backends that can run here, highest priority first; contested names left out. */
    public List<String> available() {
        List<String> names = new ArrayList<>();
        for (ProviderInfo<MatrixBackendProvider> info : byPriority()) {
            if (isAvailable(info.provider())) {
                names.add(info.name());
            }
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * The provider with this name, in any case.
     *
     * @throws UnknownComponentException  naming the unknown backend and listing the known ones
     * @throws DuplicateProviderException if two providers claim the name, naming both
     */
    public MatrixBackendProvider find(String name) {
        return registry.find(Objects.requireNonNull(name, "matrix backend name"))
                .provider();
    }

    /**
     * Creates the named backend.
     *
     * @throws UnknownComponentException  if no backend has this name, listing those that do
     * @throws DuplicateProviderException if two providers claim the name
     * @throws IllegalStateException      if the backend cannot run here
     */
    public MatrixBackend create(String name) {
        MatrixBackendProvider provider = find(name);
        if (!isAvailable(provider)) {
            throw new IllegalStateException("Matrix backend '" + provider.name() + "' is installed but cannot run"
                    + " here (" + provider.description() + "). Available: " + available());
        }
        return provider.create();
    }

    /**
     * The backend to use when none is chosen in code: the named one if {@code requested} is not blank (if it
     * is installed but cannot run here, a warning is logged and the best available one is used), else the
     * available backend with the highest priority.
     *
     * @param requested a backend name, or null or blank for automatic selection
     * @throws UnknownComponentException  if no backend has the requested name, listing those that do
     * @throws DuplicateProviderException if two providers claim the requested name
     */
    public MatrixBackend select(String requested) {
        if (requested != null && !requested.isBlank()) {
            MatrixBackendProvider provider = find(requested);
            if (isAvailable(provider)) {
                return provider.create();
            }
            LOG.warn(
                    "Matrix backend '{}' was requested but cannot run here ({}); using the best available one",
                    provider.name(),
                    provider.description());
        }
        return best();
    }

    /** The available backend with the highest priority; the built-in one if another fails to start. */
    private MatrixBackend best() {
        for (ProviderInfo<MatrixBackendProvider> info : byPriority()) {
            MatrixBackendProvider provider = info.provider();
            if (!isAvailable(provider)) {
                continue;
            }
            try {
                return provider.create();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn(
                        "Matrix backend '{}' failed to start; trying the next one: {}",
                        provider.name(),
                        e.toString(),
                        e);
            }
        }
        return new EjmlBackend();
    }

    /** The providers whose name is not contested, highest priority first, then by name. */
    private List<ProviderInfo<MatrixBackendProvider>> byPriority() {
        List<ProviderInfo<MatrixBackendProvider>> sorted = new ArrayList<>();
        for (ProviderInfo<MatrixBackendProvider> info : registry.providers()) {
            if (!registry.conflicts().containsKey(info.name())) {
                sorted.add(info);
            }
        }
        sorted.sort(Comparator.comparingInt(
                        (ProviderInfo<MatrixBackendProvider> p) -> p.provider().priority())
                .reversed()
                .thenComparing(ProviderInfo::name));
        return sorted;
    }

    private static boolean isAvailable(MatrixBackendProvider provider) {
        try {
            return provider.isAvailable();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn(
                    "Matrix backend '{}' failed to say whether it is available; skipping it: {}",
                    provider.name(),
                    e.toString(),
                    e);
            return false;
        }
    }

    /** A listing of the backends, one per line: name, class and origin, as every registry lists its providers. */
    @Override
    public String toString() {
        return registry.toString();
    }

    /**
     * The JVM-wide backend for networks built without an explicit choice: {@link #discover()} with the system
     * property {@value #PROPERTY}, resolved on first use (then fixed) and logged once at INFO.
     *
     * @throws IllegalArgumentException if the property names no installed backend, listing those installed
     * @throws IllegalStateException    if two installed providers claim the name the property gives
     */
    public static MatrixBackend defaultBackend() {
        Resolution resolution = DefaultHolder.RESOLUTION;
        if (resolution.failure instanceof IllegalStateException) {
            throw new IllegalStateException(resolution.failure.getMessage(), resolution.failure);
        }
        if (resolution.failure != null) {
            throw new IllegalArgumentException(resolution.failure.getMessage(), resolution.failure);
        }
        return resolution.backend;
    }

    /** The outcome of resolving the default backend: a backend, or why there is none. */
    private static final class Resolution {
        final MatrixBackend backend;
        final RuntimeException failure;

        Resolution(MatrixBackend backend, RuntimeException failure) {
            this.backend = backend;
            this.failure = failure;
        }
    }

    /** Resolves the default backend once, when first asked; the JVM's class initialisation makes this safe. */
    private static final class DefaultHolder {
        static final Resolution RESOLUTION = resolve();

        private static Resolution resolve() {
            try {
                MatrixBackend backend = discover().select(System.getProperty(PROPERTY));
                LOG.info("Matrix backend: {} ({})", backend.name(), backend.description());
                return new Resolution(backend, null);
            } catch (RuntimeException e) {
                return new Resolution(null, e);
            }
        }
    }
}
