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
     * Parses {@code name} or {@code name(key=value,key=value)}. Every parameter must be {@code key=value} with a
     * non-empty key and value; an empty parameter, as from a trailing or doubled comma ({@code adam(lr=0.1,)}),
     * is refused.
     *
     * @throws IllegalArgumentException naming the text (cut to a readable length) and what could not be read
     */
    public static ComponentSpec parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        int open = s.indexOf('(');
        if (open < 0) {
            if (s.contains(")") || s.contains("=") || s.contains(",")) {
                throw cannotRead(text, "expected name or name(key=value,...)");
            }
            if (s.isEmpty()) {
                throw cannotRead(text, "the name is empty");
            }
            return of(s);
        }
        if (!s.endsWith(")")) {
            throw cannotRead(text, "missing ')' at the end");
        }
        String name = s.substring(0, open).strip();
        if (name.isEmpty()) {
            throw cannotRead(text, "the name before '(' is empty");
        }
        String inner = s.substring(open + 1, s.length() - 1).strip();
        if (inner.indexOf('(') >= 0 || inner.indexOf(')') >= 0) {
            throw cannotRead(text, "parameters cannot contain '(' or ')'");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (!inner.isEmpty()) {
            String[] pairs = inner.split(",", -1);
            for (int i = 0; i < pairs.length; i++) {
                String pair = pairs[i].strip();
                if (pair.isEmpty()) {
                    throw cannotRead(
                            text,
                            "parameter " + (i + 1) + " is empty (a "
                                    + (i == pairs.length - 1 ? "trailing" : i == 0 ? "leading" : "doubled")
                                    + " comma?)");
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw cannotRead(text, "parameter " + Echo.quote(pair) + " is not key=value");
                }
                String key = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty()) {
                    throw cannotRead(text, "parameter " + Echo.quote(key) + " has no value");
                }
                if (params.put(key, value) != null) {
                    throw cannotRead(text, "parameter " + Echo.quote(key) + " given twice");
                }
            }
        }
        return new ComponentSpec(name, Config.of(params));
    }

    private static IllegalArgumentException cannotRead(String text, String why) {
        return new IllegalArgumentException("Cannot read component " + Echo.quote(text) + ": " + why);
    }

    /** The form {@link #parse(String)} reads back. */
    @Override
    public String toString() {
        return config.isEmpty() ? name : name + "(" + config + ")";
    }
}
