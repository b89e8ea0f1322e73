package dev.backprop.core.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A component named by its registered name and parameters, e.g. {@code leaky-relu(alpha=0.01)}. This is how
 * model files, command lines and network specifications refer to plug-ins: by name, never by class.
 *
 * @param name   the registered name (case-insensitive in registries)
 * @param config the parameters
 */
public record ComponentSpec(String name, Config config) {

    /** Checks the name. */
    public ComponentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Component name must not be blank");
        }
    }

    /** A component without parameters. */
    public static ComponentSpec of(String name) {
        return new ComponentSpec(name, Config.empty());
    }

    /**
     * Parses {@code name} or {@code name(key=value,key=value)}.
     *
     * @throws IllegalArgumentException naming the text and the position that could not be read
     */
    public static ComponentSpec parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        int open = s.indexOf('(');
        if (open < 0) {
            if (s.contains(")") || s.contains("=")) {
                throw new IllegalArgumentException(
                        "Cannot read component '" + text + "': expected name or name(key=value,...)");
            }
            return of(s);
        }
        if (!s.endsWith(")")) {
            throw new IllegalArgumentException("Cannot read component '" + text + "': missing ')' at the end");
        }
        String name = s.substring(0, open).strip();
        String inner = s.substring(open + 1, s.length() - 1).strip();
        Map<String, String> params = new LinkedHashMap<>();
        if (!inner.isEmpty()) {
            for (String pair : inner.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(
                            "Cannot read component '" + text + "': parameter '" + pair.strip() + "' is not key=value");
                }
                String key = pair.substring(0, eq).strip();
                if (params.put(key, pair.substring(eq + 1).strip()) != null) {
                    throw new IllegalArgumentException(
                            "Cannot read component '" + text + "': parameter '" + key + "' given twice");
                }
            }
        }
        return new ComponentSpec(name, Config.of(params));
    }

    /** The form {@link #parse(String)} reads back. */
    @Override
    public String toString() {
        return config.isEmpty() ? name : name + "(" + config + ")";
    }
}
