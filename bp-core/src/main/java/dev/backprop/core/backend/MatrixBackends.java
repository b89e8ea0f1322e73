package dev.backprop.core.backend;

import dev.backprop.core.spi.MatrixBackend;
import dev.backprop.core.spi.MatrixBackendProvider;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matrix backends that can run the products of a network: the built-in pure-Java {@code ejml}, always
 * present, and those found with {@link ServiceLoader} ({@code provides dev.backprop.core.spi.MatrixBackendProvider}
 * in a module, or a {@code META-INF/services} file on the class path). Immutable once built.
 *
 * <p>A provider that cannot be loaded, or whose name is not usable, is logged and skipped; two providers with
 * one name stop the build with an {@link IllegalStateException} naming both.
 *
 * <p>Which backend a network uses is decided once, when it is built: the builder's explicit choice, else the
 * system property {@value #PROPERTY}, else the available backend with the highest priority. Networks built
 * without an explicit choice share the JVM-wide {@link #defaultBackend()}, which is resolved on first use and
 * logged in one INFO line such as {@code Matrix backend: blas (netlib JNIBLAS → OpenBLAS)}.
 */
public final class MatrixBackends {

    /** The system property naming the backend, e.g. {@code -Dbp.backend=blas}. */
    public static final String PROPERTY = "bp.backend";

    private static final Logger LOG = LoggerFactory.getLogger(MatrixBackends.class);
    private static final Pattern VALID_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final int MAX_LOAD_ERRORS = 100;

    private final Map<String, MatrixBackendProvider> byName;
    private final Map<String, String> origins;

    private MatrixBackends(List<MatrixBackendProvider> found) {
        Map<String, MatrixBackendProvider> map = new TreeMap<>();
        Map<String, String> from = new TreeMap<>();
        List<MatrixBackendProvider> all = new ArrayList<>();
        all.add(new EjmlBackendProvider());
        all.addAll(found);
        for (MatrixBackendProvider provider : all) {
            String name = nameOf(provider);
            MatrixBackendProvider previous = map.get(name);
            if (previous == null) {
                map.put(name, provider);
                from.put(name, originOf(provider.getClass()));
            } else if (previous.getClass() != provider.getClass()) {
                throw new IllegalStateException("Two matrix backend providers claim the name '" + name + "': "
                        + previous.getClass().getName() + " from " + from.get(name) + " and "
                        + provider.getClass().getName() + " from " + originOf(provider.getClass())
                        + ". Remove one of the jars.");
            }
        }
        this.byName = Collections.unmodifiableMap(map);
        this.origins = Collections.unmodifiableMap(from);
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
        return fromLoader(ServiceLoader.load(MatrixBackendProvider.class, loader));
    }

    /** The backends in a module layer and its parents. */
    public static MatrixBackends load(ModuleLayer layer) {
        return fromLoader(ServiceLoader.load(layer, MatrixBackendProvider.class));
    }

    /**
     * The built-in backend and exactly the given providers.
     *
     * @throws IllegalArgumentException if a provider's name is not usable
     * @throws IllegalStateException    if two providers claim one name
     */
    public static MatrixBackends of(Collection<? extends MatrixBackendProvider> providers) {
        List<MatrixBackendProvider> list = new ArrayList<>();
        for (MatrixBackendProvider provider : providers) {
            nameOf(Objects.requireNonNull(provider, "provider"));
            list.add(provider);
        }
        return new MatrixBackends(list);
    }

    private static MatrixBackends fromLoader(ServiceLoader<MatrixBackendProvider> loader) {
        List<MatrixBackendProvider> found = new ArrayList<>();
        Iterator<MatrixBackendProvider> it = loader.iterator();
        int errors = 0;
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                MatrixBackendProvider provider = it.next();
                nameOf(provider);
                found.add(provider);
            } catch (ServiceConfigurationError | IllegalArgumentException | LinkageError e) {
                LOG.warn("Skipping a broken matrix backend provider: {}", e.getMessage(), e);
                if (++errors >= MAX_LOAD_ERRORS) {
                    LOG.warn("Stopped looking for matrix backend providers after {} broken ones", errors);
                    break;
                }
            }
        }
        MatrixBackends backends = new MatrixBackends(found);
        LOG.debug("Found matrix backends: {}", backends.byName.keySet());
        return backends;
    }

    private static String nameOf(MatrixBackendProvider provider) {
        String className = provider.getClass().getName();
        String raw;
        try {
            raw = provider.name();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Matrix backend provider " + className + " failed to give its name: " + e, e);
        }
        if (raw == null) {
            throw new IllegalArgumentException("Matrix backend provider " + className + " has a null name");
        }
        String name = raw.strip().toLowerCase(Locale.ROOT);
        if (!VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Matrix backend provider " + className + " has the name '" + raw
                    + "'; names are letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        return name;
    }

    private static String originOf(Class<?> type) {
        Module module = type.getModule();
        String location = "";
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            URL url = source == null ? null : source.getLocation();
            location = url == null ? "" : url.toString();
        } catch (SecurityException e) {
            location = "";
        }
        if (module.isNamed()) {
            return "module " + module.getName() + (location.isEmpty() ? "" : " (" + location + ")");
        }
        return location.isEmpty() ? "unknown location" : location;
    }

    /** The names of every backend found, available here or not, sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(byName.keySet()));
    }

    /** The providers, sorted by name. */
    public List<MatrixBackendProvider> providers() {
        return List.copyOf(byName.values());
    }

    /** The names of the backends that can run here, highest priority first. */
    public List<String> available() {
        List<String> names = new ArrayList<>();
        for (MatrixBackendProvider provider : byPriority()) {
            if (isAvailable(provider)) {
                names.add(nameOf(provider));
            }
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * The provider with this name, in any case.
     *
     * @throws IllegalArgumentException naming the unknown backend and listing the known ones
     */
    public MatrixBackendProvider find(String name) {
        Objects.requireNonNull(name, "matrix backend name");
        MatrixBackendProvider provider = byName.get(name.strip().toLowerCase(Locale.ROOT));
        if (provider == null) {
            throw new IllegalArgumentException("Unknown matrix backend '" + name + "'. Available: "
                    + describeAll() + ". A jar providing " + MatrixBackendProvider.class.getName()
                    + " (such as bp-blas) on the class path or module path adds one.");
        }
        return provider;
    }

    /**
     * Creates the named backend.
     *
     * @throws IllegalArgumentException if no backend has this name, listing those that do
     * @throws IllegalStateException    if the backend cannot run here
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
     * @throws IllegalArgumentException if no backend has the requested name, listing those that do
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
        for (MatrixBackendProvider provider : byPriority()) {
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

    private List<MatrixBackendProvider> byPriority() {
        List<MatrixBackendProvider> sorted = new ArrayList<>(byName.values());
        sorted.sort(Comparator.comparingInt(MatrixBackendProvider::priority)
                .reversed()
                .thenComparing(MatrixBackends::nameOf));
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

    /** A listing of the backends, one per line: name, priority, class and origin. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, MatrixBackendProvider> e : byName.entrySet()) {
            lines.add(e.getKey() + " (priority " + e.getValue().priority() + ") = "
                    + e.getValue().getClass().getName() + " from " + origins.get(e.getKey()));
        }
        return "matrix backends " + String.join("\n  ", lines);
    }

    private String describeAll() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, MatrixBackendProvider> e : byName.entrySet()) {
            parts.add(e.getKey() + (isAvailable(e.getValue()) ? "" : " (cannot run here)"));
        }
        return parts.toString();
    }

    /**
     * The JVM-wide backend for networks built without an explicit choice: {@link #discover()} with the system
     * property {@value #PROPERTY}, resolved on first use (then fixed) and logged once at INFO.
     *
     * @throws IllegalArgumentException if the property names no installed backend, listing those installed
     */
    public static MatrixBackend defaultBackend() {
        Resolution resolution = DefaultHolder.RESOLUTION;
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
