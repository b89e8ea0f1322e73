package dev.backprop.core.registry;

import dev.backprop.core.spi.ComponentProvider;
import java.net.URL;
import java.security.CodeSource;
import java.util.Objects;
import java.util.Set;

/**
 * A provider found by a registry, with where it came from.
 *
 * @param name      the registered name, lower case
 * @param aliases   other names that find it, lower case
 * @param className the implementing class
 * @param origin    where the class was loaded from: {@code module dev.backprop.activations} for a named
 *                  module, otherwise the jar or folder on the class path
 * @param provider  the provider itself
 * @param <P>       the provider type
 */
public record ProviderInfo<P extends ComponentProvider<?>>(
        String name, Set<String> aliases, String className, String origin, P provider) {

    /** Checks the fields. */
    public ProviderInfo {
        Objects.requireNonNull(name, "name");
        aliases = Set.copyOf(aliases);
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(provider, "provider");
    }

    /**
     * Where a class was loaded from, for listings and error messages: {@code module <name> (<location>)} for a
     * class in a named module, otherwise the jar or folder it was loaded from.
     */
    public static String originOf(Class<?> type) {
        Module module = type.getModule();
        String location = codeLocation(type);
        if (module.isNamed()) {
            return "module " + module.getName() + (location.isEmpty() ? "" : " (" + location + ")");
        }
        return location.isEmpty() ? "unknown location" : location;
    }

    private static String codeLocation(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            URL url = source == null ? null : source.getLocation();
            return url == null ? "" : url.toString();
        } catch (SecurityException e) {
            return "";
        }
    }
}
