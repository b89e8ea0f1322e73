package dev.backprop.core.registry;

import dev.backprop.core.spi.Component;
import dev.backprop.core.spi.ComponentProvider;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Config;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
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
 * {@code META-INF/services} files on the class path; {@link #builder} combines several class loaders and module
 * layers, leaves out providers by class ({@link Builder#exclude}) and settles a contested name in favour of one
 * class ({@link Builder#prefer}). A provider that cannot be loaded or instantiated, or whose name is not usable,
 * is skipped with one WARN line naming its class, its jar and the cause (the stack trace is logged at DEBUG).
 *
 * <p>Two providers claiming one name (or alias) are a conflict: the registry records it, logs one WARN line
 * naming both classes and jars, and every other name keeps working; looking up the contested name throws a
 * {@link DuplicateProviderException}. To replace a provider on purpose — a faster relu under the built-in's
 * name — build the registry and call {@link #replacing}, which logs the replacement and what became of the
 * replaced provider's aliases.
 *
 * @param <T> the component type
 * @param <P> the provider type
 */
public final class Registry<T extends Component, P extends ComponentProvider<T>> {

    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);
    private static final Pattern VALID_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final int MAX_LOAD_ERRORS = 100;

    /**
     * The bp module that provides the built-in components of each kind, keyed by provider interface name: an
     * empty registry names it, since an empty one usually means that module is missing.
     */
    private static final Map<String, String> BUILT_IN_MODULES = Map.of(
            "dev.backprop.core.spi.ActivationProvider", "bp-activations",
            "dev.backprop.core.spi.LossProvider", "bp-losses",
            "dev.backprop.core.spi.OptimizerProvider", "bp-optim",
            "dev.backprop.core.spi.ScheduleProvider", "bp-optim");

    private final String kind;
    private final Class<P> service;
    private final List<ProviderInfo<P>> providers;
    private final Map<String, ProviderInfo<P>> byName;
    private final Map<String, List<ProviderInfo<P>>> conflicts;

    /**
     * A registry of the given providers.
     *
     * @param preferred     classes that win a name they share with others
     * @param strict        whether a conflict is thrown at once instead of recorded
     * @param knownConflict names whose conflict was already logged, not to log again
     */
    private Registry(
            String kind,
            Class<P> service,
            List<ProviderInfo<P>> providers,
            Set<String> preferred,
            boolean strict,
            Set<String> knownConflict) {
        this.kind = kind;
        this.service = service;
        List<ProviderInfo<P>> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparing((ProviderInfo<P> p) -> p.name()).thenComparing(ProviderInfo::className));
        this.providers = Collections.unmodifiableList(sorted);
        Map<String, List<ProviderInfo<P>>> claims = new TreeMap<>();
        for (ProviderInfo<P> info : providers) {
            claim(claims, info.name(), info);
            for (String alias : info.aliases()) {
                claim(claims, alias, info);
            }
        }
        Map<String, ProviderInfo<P>> map = new TreeMap<>();
        Map<String, List<ProviderInfo<P>>> contested = new TreeMap<>();
        Map<List<ProviderInfo<P>>, List<String>> toReport = new LinkedHashMap<>();
        for (Map.Entry<String, List<ProviderInfo<P>>> e : claims.entrySet()) {
            String name = e.getKey();
            List<ProviderInfo<P>> claimants = e.getValue();
            if (claimants.size() == 1) {
                map.put(name, claimants.get(0));
                continue;
            }
            List<ProviderInfo<P>> favourites = claimants.stream()
                    .filter(p -> preferred.contains(p.className()))
                    .toList();
            if (favourites.size() == 1) {
                ProviderInfo<P> winner = favourites.get(0);
                map.put(name, winner);
                for (ProviderInfo<P> loser : claimants) {
                    if (loser != winner) {
                        LOG.info(
                                "{} '{}': preferring {} from {} over {} from {}",
                                kind,
                                name,
                                winner.className(),
                                winner.origin(),
                                loser.className(),
                                loser.origin());
                    }
                }
                continue;
            }
            if (strict) {
                throw duplicate(kind, name, claimants);
            }
            contested.put(name, List.copyOf(claimants));
            if (!knownConflict.contains(name)) {
                toReport.computeIfAbsent(claimants, k -> new ArrayList<>()).add(name);
            }
        }
        toReport.forEach((claimants, names) -> LOG.warn(
                "{} providers {} all claim {}; other names work, but using {} fails until one is removed,"
                        + " excluded or preferred",
                kind,
                describeAll(claimants),
                names,
                names.size() == 1 ? "it" : "them"));
        this.byName = Collections.unmodifiableMap(map);
        this.conflicts = Collections.unmodifiableMap(contested);
    }

    private static <P extends ComponentProvider<?>> void claim(
            Map<String, List<ProviderInfo<P>>> claims, String name, ProviderInfo<P> info) {
        List<ProviderInfo<P>> claimants = claims.computeIfAbsent(name, k -> new ArrayList<>());
        if (!claimants.contains(info)) {
            claimants.add(info);
        }
    }

    private static String describeAll(List<? extends ProviderInfo<?>> claimants) {
        List<String> parts = new ArrayList<>();
        for (ProviderInfo<?> p : claimants) {
            parts.add(p.className() + " from " + p.origin());
        }
        if (parts.size() == 2) {
            return parts.get(0) + " and " + parts.get(1);
        }
        return String.join(", ", parts);
    }

    private static DuplicateProviderException duplicate(
            String kind, String name, List<? extends ProviderInfo<?>> claimants) {
        List<String> classes = claimants.stream().map(ProviderInfo::className).toList();
        String count = claimants.size() == 2 ? "Two" : String.valueOf(claimants.size());
        return new DuplicateProviderException(
                kind,
                name,
                classes,
                count + " " + kind + " providers claim the name '" + name + "': " + describeAll(claimants)
                        + ". Remove one of the jars, or choose one by class with Registry.builder(...)"
                        + ".prefer(\"" + classes.get(0) + "\") or .exclude(...); Registry.replacing(...) overrides"
                        + " on purpose.");
    }

    /**
     * Finds the providers visible to a class loader: named modules in the loader's layers and
     * {@code META-INF/services} entries on its class path. Conflicts are recorded, not thrown.
     *
     * @param kind    the kind for messages, e.g. {@code activation}
     * @param service the provider interface
     * @param loader  the class loader to search
     */
    public static <T extends Component, P extends ComponentProvider<T>> Registry<T, P> load(
            String kind, Class<P> service, ClassLoader loader) {
        return Registry.<T, P>builder(kind, service).classLoader(loader).build();
    }

    /**
     * Finds the providers in the modules of a module layer and its parents, as an application that builds its
     * own layer for plug-ins does. Conflicts are recorded, not thrown.
     */
    public static <T extends Component, P extends ComponentProvider<T>> Registry<T, P> load(
            String kind, Class<P> service, ModuleLayer layer) {
        return Registry.<T, P>builder(kind, service).moduleLayer(layer).build();
    }

    /**
     * A registry of exactly the given providers.
     *
     * @throws DuplicateProviderException when two of them claim one name: a list given in code has no excuse
     * @throws IllegalArgumentException   when a name is not usable
     */
    public static <T extends Component, P extends ComponentProvider<T>> Registry<T, P> of(
            String kind, Class<P> service, Collection<? extends P> providers) {
        List<ProviderInfo<P>> infos = new ArrayList<>();
        for (P provider : providers) {
            infos.add(describe(kind, provider));
        }
        return new Registry<>(kind, service, infos, Set.of(), true, Set.of());
    }

    /**
     * A builder that finds providers in any number of class loaders and module layers, in the order given,
     * optionally leaving some out or preferring one for a contested name.
     *
     * @param kind    the kind for messages, e.g. {@code activation}
     * @param service the provider interface
     */
    public static <T extends Component, P extends ComponentProvider<T>> Builder<T, P> builder(
            String kind, Class<P> service) {
        return new Builder<>(kind, service);
    }

    /**
     * Collects providers from class loaders, module layers and instances, then builds a {@link Registry}. The
     * same class seen through two sources (a module layer and the class loader of its modules, say) counts
     * once. Not thread-safe; use once.
     *
     * @param <T> the component type
     * @param <P> the provider type
     */
    public static final class Builder<T extends Component, P extends ComponentProvider<T>> {

        private final String kind;
        private final Class<P> service;
        private final List<ServiceLoader<P>> loaders = new ArrayList<>();
        private final List<P> instances = new ArrayList<>();
        private final Set<String> excluded = new TreeSet<>();
        private final Set<String> preferred = new TreeSet<>();

        private Builder(String kind, Class<P> service) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.service = Objects.requireNonNull(service, "service");
        }

        /** Adds the providers visible to a class loader (its class path, and the named modules of its layers). */
        public Builder<T, P> classLoader(ClassLoader loader) {
            loaders.add(ServiceLoader.load(service, Objects.requireNonNull(loader, "loader")));
            return this;
        }

        /** Adds the providers of the modules in a layer and its parents. */
        public Builder<T, P> moduleLayer(ModuleLayer layer) {
            loaders.add(ServiceLoader.load(Objects.requireNonNull(layer, "layer"), service));
            return this;
        }

        /** Adds a provider instance. */
        public Builder<T, P> provider(P provider) {
            instances.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Leaves out every provider of this class, wherever it is found; it is not even instantiated. */
        public Builder<T, P> exclude(String className) {
            excluded.add(Objects.requireNonNull(className, "className"));
            return this;
        }

        /**
         * Gives this class every name it shares with other providers; the others keep their uncontested names.
         * The choice is logged at INFO.
         */
        public Builder<T, P> prefer(String className) {
            preferred.add(Objects.requireNonNull(className, "className"));
            return this;
        }

        /** The registry: broken providers skipped with a WARN line each, conflicts recorded with a WARN line. */
        public Registry<T, P> build() {
            List<ProviderInfo<P>> infos = new ArrayList<>();
            Set<Class<?>> seen = new HashSet<>();
            int errors = 0;
            for (ServiceLoader<P> loader : loaders) {
                Iterator<ServiceLoader.Provider<P>> it = loader.stream().iterator();
                while (errors < MAX_LOAD_ERRORS) {
                    ServiceLoader.Provider<P> handle;
                    Class<? extends P> type;
                    try {
                        if (!it.hasNext()) {
                            break;
                        }
                        handle = it.next();
                        type = handle.type();
                    } catch (ServiceConfigurationError | LinkageError e) {
                        errors++;
                        skipBroken(kind, null, e);
                        continue;
                    }
                    if (excluded.contains(type.getName()) || !seen.add(type)) {
                        continue;
                    }
                    try {
                        infos.add(describe(kind, handle.get()));
                    } catch (ServiceConfigurationError | InvalidProviderException | LinkageError e) {
                        errors++;
                        skipBroken(kind, type, e);
                    }
                }
            }
            for (P provider : instances) {
                if (!excluded.contains(provider.getClass().getName()) && seen.add(provider.getClass())) {
                    infos.add(describe(kind, provider));
                }
            }
            if (errors >= MAX_LOAD_ERRORS) {
                LOG.warn("Stopped looking for {} providers after {} broken ones", kind, errors);
            }
            Registry<T, P> registry = new Registry<>(kind, service, infos, preferred, false, Set.of());
            LOG.debug("Found {} {} providers: {}", infos.size(), kind, registry.byName.keySet());
            return registry;
        }
    }

    /** One WARN line for a provider that cannot be used; the stack trace only at DEBUG. */
    private static void skipBroken(String kind, Class<?> type, Throwable e) {
        String cause = causeText(e);
        if (type == null) {
            LOG.warn("Skipping a broken {} provider: {}", kind, cause);
        } else {
            LOG.warn(
                    "Skipping the broken {} provider {} from {}: {}",
                    kind,
                    type.getName(),
                    ProviderInfo.originOf(type),
                    cause);
        }
        LOG.debug("Why the {} provider {} is broken", kind, type == null ? "" : type.getName(), e);
    }

    /** The failure and its root cause, on one line. */
    private static String causeText(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = String.valueOf(e.getMessage());
        if (root != e) {
            text += ", caused by " + root.getClass().getName()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage());
        }
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
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
     * This registry with one provider replacing every provider registered under its name (or added, if none
     * is); the replaced provider's aliases keep finding the replacement. Same as
     * {@code replacing(replacement, AliasPolicy.KEEP)}.
     */
    public Registry<T, P> replacing(P replacement) {
        return replacing(replacement, AliasPolicy.KEEP);
    }

    /**
     * This registry with one provider replacing every provider registered under its name (or added, if none
     * is). The replacement is logged at INFO, with the aliases of the replaced provider that it keeps or drops.
     * An alias that collides with another provider becomes a conflict like any other.
     *
     * @param replacement the new provider
     * @param aliases     whether the replaced provider's aliases find the replacement
     */
    public Registry<T, P> replacing(P replacement, AliasPolicy aliases) {
        Objects.requireNonNull(aliases, "aliases");
        ProviderInfo<P> info = describe(kind, replacement);
        List<ProviderInfo<P>> kept = new ArrayList<>();
        Set<String> inherited = new TreeSet<>();
        for (ProviderInfo<P> p : providers) {
            if (!p.name().equals(info.name())) {
                kept.add(p);
                continue;
            }
            Set<String> extra = new TreeSet<>(p.aliases());
            extra.removeAll(info.aliases());
            String aliasNote;
            if (extra.isEmpty()) {
                aliasNote = "no aliases of its own to keep or drop";
            } else if (aliases == AliasPolicy.KEEP) {
                inherited.addAll(extra);
                aliasNote = "keeps its aliases " + extra;
            } else {
                aliasNote = "drops its aliases " + extra;
            }
            LOG.info(
                    "{} '{}': {} from {} replaces {} from {}; {}",
                    kind,
                    info.name(),
                    info.className(),
                    info.origin(),
                    p.className(),
                    p.origin(),
                    aliasNote);
        }
        Set<String> allAliases = new TreeSet<>(info.aliases());
        allAliases.addAll(inherited);
        kept.add(new ProviderInfo<>(info.name(), allAliases, info.className(), info.origin(), info.provider()));
        return new Registry<>(kind, service, kept, Set.of(), false, conflicts.keySet());
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

    /**
     * Whether a provider answers to the name or alias, in any case. True also for a name several providers
     * claim, which {@link #find} refuses with a {@link DuplicateProviderException}; see {@link #conflicts()}.
     */
    public boolean contains(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        return byName.containsKey(key) || conflicts.containsKey(key);
    }

    /**
     * The names two or more providers claim, each with its claimants in the order they were found. Looking one
     * of them up throws a {@link DuplicateProviderException}.
     */
    public Map<String, List<ProviderInfo<P>>> conflicts() {
        return conflicts;
    }

    /** One message per set of providers in conflict, naming the contested names, classes and origins. */
    public List<String> conflictMessages() {
        Map<List<ProviderInfo<P>>, List<String>> grouped = new LinkedHashMap<>();
        conflicts.forEach((name, claimants) ->
                grouped.computeIfAbsent(claimants, k -> new ArrayList<>()).add(name));
        List<String> messages = new ArrayList<>();
        grouped.forEach((claimants, names) -> {
            String message = duplicate(kind, names.get(0), claimants).getMessage();
            messages.add(
                    names.size() == 1 ? message : message + " They also share " + names.subList(1, names.size()) + ".");
        });
        return Collections.unmodifiableList(messages);
    }

    /**
     * The provider registered under a name or alias, in any case.
     *
     * @throws UnknownComponentException  listing the available names and how to add a plug-in
     * @throws DuplicateProviderException when two or more providers claim the name, naming them all
     */
    public ProviderInfo<P> find(String name) {
        Objects.requireNonNull(name, kind + " name");
        String key = name.strip().toLowerCase(Locale.ROOT);
        ProviderInfo<P> info = byName.get(key);
        if (info == null) {
            List<ProviderInfo<P>> claimants = conflicts.get(key);
            if (claimants != null) {
                throw duplicate(kind, key, claimants);
            }
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
        message.append(" Available: ").append(new TreeSet<>(byName.keySet())).append('.');
        String builtIns = BUILT_IN_MODULES.get(service.getName());
        if (byName.isEmpty() && builtIns != null) {
            message.append(" Add ")
                    .append(builtIns)
                    .append(" to the class path or module path for the built-in ")
                    .append(kind)
                    .append(" names.");
        }
        message.append(" A plug-in jar providing ")
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
                    p.name() + " " + p.className(),
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
