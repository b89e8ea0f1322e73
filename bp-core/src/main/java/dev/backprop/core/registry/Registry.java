package dev.backprop.core.registry;

import dev.backprop.core.spi.Component;
import dev.backprop.core.spi.ComponentProvider;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Config;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * The providers of one kind of component (activations, say), looked up by name without regard to case.
 * Immutable once built.
 *
 * <p>Built from {@link ServiceLoader}, which reads {@code provides} clauses of named modules and
 * {@code META-INF/services} files on the class path. A provider that cannot be loaded or instantiated, or
 * whose name is not usable, is logged and skipped. Two providers claiming one name (or alias) stop the build
 * with a {@link DuplicateProviderException} naming both. To replace a provider on purpose — a faster relu
 * under the built-in's name — build the registry and call {@link #replacing}, which logs the replacement.
 *
 * @param <T> the component type
 * @param <P> the provider type
 */
public final class Registry<T extends Component, P extends ComponentProvider<T>> {

    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);
    private static final Pattern VALID_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final int MAX_LOAD_ERRORS = 100;

    private final String kind;
    private final Class<P> service;
    private final List<ProviderInfo<P>> providers;
    private final Map<String, ProviderInfo<P>> byName;

    private Registry(String kind, Class<P> service, List<ProviderInfo<P>> providers) {
        this.kind = kind;
        this.service = service;
        List<ProviderInfo<P>> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparing(ProviderInfo::name));
        this.providers = Collections.unmodifiableList(sorted);
        Map<String, ProviderInfo<P>> map = new TreeMap<>();
        for (ProviderInfo<P> info : sorted) {
            claim(map, info.name(), info);
            for (String alias : info.aliases()) {
                claim(map, alias, info);
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    private void claim(Map<String, ProviderInfo<P>> map, String name, ProviderInfo<P> info) {
        ProviderInfo<P> previous = map.putIfAbsent(name, info);
        if (previous != null && previous != info) {
            throw new DuplicateProviderException("Two " + kind + " providers claim the name '" + name + "': "
                    + previous.className() + " from " + previous.origin() + " and " + info.className() + " from "
                    + info.origin() + ". Remove one of the jars, or build the registry without one and add it with"
                    + " Registry.replacing(...) to override on purpose.");
        }
    }

    /**
     * Finds the providers visible to a class loader: named modules in the loader's layers and
     * {@code META-INF/services} entries on its class path.
     *
     * @param kind    the kind for messages, e.g. {@code activation}
     * @param service the provider interface
     * @param loader  the class loader to search
     */
    public static <T extends Component, P extends ComponentProvider<T>> Registry<T, P> load(
            String kind, Class<P> service, ClassLoader loader) {
        return fromLoader(kind, service, ServiceLoader.load(service, loader));
    }

    /**
     * Finds the providers in the modules of a module layer and its parents, as an application that builds its
     * own layer for plug-ins does.
     */
    public static <T extends Component, P extends ComponentProvider<T>> Registry<T, P> load(
            String kind, Class<P> service, ModuleLayer layer) {
        return fromLoader(kind, service, ServiceLoader.load(layer, service));
    }

    /** A registry of exactly the given providers; duplicates and invalid names are refused. */
    public static <T extends Component, P extends ComponentProvider<T>> Registry<T, P> of(
            String kind, Class<P> service, Collection<? extends P> providers) {
        List<ProviderInfo<P>> infos = new ArrayList<>();
        for (P provider : providers) {
            infos.add(describe(kind, provider));
        }
        return new Registry<>(kind, service, infos);
    }

    private static <T extends Component, P extends ComponentProvider<T>> Registry<T, P> fromLoader(
            String kind, Class<P> service, ServiceLoader<P> loader) {
        List<ProviderInfo<P>> infos = new ArrayList<>();
        Iterator<P> it = loader.iterator();
        int errors = 0;
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                P provider = it.next();
                infos.add(describe(kind, provider));
            } catch (ServiceConfigurationError | InvalidProviderException | LinkageError e) {
                LOG.warn("Skipping a broken {} provider: {}", kind, e.getMessage(), e);
                if (++errors >= MAX_LOAD_ERRORS) {
                    LOG.warn("Stopped looking for {} providers after {} broken ones", kind, errors);
                    break;
                }
            }
        }
        Registry<T, P> registry = new Registry<>(kind, service, infos);
        LOG.debug("Found {} {} providers: {}", infos.size(), kind, registry.byName.keySet());
        return registry;
    }

    private static <P extends ComponentProvider<?>> ProviderInfo<P> describe(String kind, P provider) {
        Objects.requireNonNull(provider, "provider");
        String className = provider.getClass().getName();
        String rawName;
        Set<String> rawAliases;
        try {
            rawName = provider.name();
            rawAliases = provider.aliases();
        } catch (RuntimeException e) {
            throw new InvalidProviderException(kind + " provider " + className + " failed to give its name: " + e, e);
        }
        String name = normalise(kind, className, rawName);
        Set<String> aliases = new TreeSet<>();
        for (String alias : rawAliases == null ? Set.<String>of() : rawAliases) {
            aliases.add(normalise(kind, className, alias));
        }
        aliases.remove(name);
        return new ProviderInfo<>(name, aliases, className, ProviderInfo.originOf(provider.getClass()), provider);
    }

    private static String normalise(String kind, String className, String name) {
        if (name == null) {
            throw new InvalidProviderException(kind + " provider " + className + " has a null name");
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (!VALID_NAME.matcher(lower).matches()) {
            throw new InvalidProviderException(kind + " provider " + className + " has the name '" + name
                    + "'; names are letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        return lower;
    }

    /**
     * This registry with one provider replacing the one registered under its name (or added, if none is).
     * The replacement is logged at INFO. Its aliases must not collide with other providers.
     */
    public Registry<T, P> replacing(P replacement) {
        ProviderInfo<P> info = describe(kind, replacement);
        List<ProviderInfo<P>> kept = new ArrayList<>();
        for (ProviderInfo<P> p : providers) {
            if (p.name().equals(info.name())) {
                LOG.info(
                        "{} '{}': {} from {} replaces {} from {}",
                        kind,
                        info.name(),
                        info.className(),
                        info.origin(),
                        p.className(),
                        p.origin());
            } else {
                kept.add(p);
            }
        }
        kept.add(info);
        return new Registry<>(kind, service, kept);
    }

    /** The kind of component, e.g. {@code activation}. */
    public String kind() {
        return kind;
    }

    /** The provider interface. */
    public Class<P> service() {
        return service;
    }

    /** Every provider, sorted by name. */
    public List<ProviderInfo<P>> providers() {
        return providers;
    }

    /** The registered names (without aliases), sorted. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        providers.forEach(p -> names.add(p.name()));
        return Collections.unmodifiableSet(names);
    }

    /** Whether a provider answers to the name or alias, in any case. */
    public boolean contains(String name) {
        return byName.containsKey(name.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The provider registered under a name or alias, in any case.
     *
     * @throws UnknownComponentException listing the available names and how to add a plug-in
     */
    public ProviderInfo<P> find(String name) {
        Objects.requireNonNull(name, kind + " name");
        ProviderInfo<P> info = byName.get(name.strip().toLowerCase(Locale.ROOT));
        if (info == null) {
            throw unknown(name);
        }
        return info;
    }

    /** Creates the named component with the given parameters. */
    public T create(String name, Config config) {
        return find(name).provider().create(config);
    }

    /** Creates a component from its name and parameters. */
    public T create(ComponentSpec spec) {
        return create(spec.name(), spec.config());
    }

    private UnknownComponentException unknown(String name) {
        StringBuilder message = new StringBuilder("Unknown ")
                .append(kind)
                .append(" '")
                .append(name)
                .append("'.");
        String suggestion = closest(name.strip().toLowerCase(Locale.ROOT));
        if (suggestion != null) {
            message.append(" Did you mean '").append(suggestion).append("'?");
        }
        message.append(" Available: ")
                .append(new TreeSet<>(byName.keySet()))
                .append(". A plug-in jar providing ")
                .append(service.getName())
                .append(" on the class path or module path adds one.");
        return new UnknownComponentException(kind, name, message.toString());
    }

    private String closest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : byName.keySet()) {
            int d = editDistance(name, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(1, name.length() / 3) ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** A listing of the providers, one per line: name, aliases, class and origin. */
    @Override
    public String toString() {
        Map<String, String> lines = new LinkedHashMap<>();
        for (ProviderInfo<P> p : providers) {
            lines.put(
                    p.name(),
                    p.name() + (p.aliases().isEmpty() ? "" : " " + p.aliases()) + " = " + p.className() + " from "
                            + p.origin());
        }
        return kind + " registry " + String.join("\n  ", lines.values());
    }

    /** A provider whose name cannot be used. */
    private static final class InvalidProviderException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidProviderException(String message) {
            super(message);
        }

        InvalidProviderException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
