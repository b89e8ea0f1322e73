package dev.backprop.core.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The named parameters of a component, such as {@code alpha=0.01} for leaky-relu or {@code reduction=sum} for
 * mse. Immutable; keys keep the order in which they were given. Values are stored as text so that a
 * configuration written to a model file or typed on a command line reads back exactly; numbers are formatted
 * with {@link Double#toString(double)}, which round-trips every double.
 *
 * <p>Components read their parameters with the typed getters and refuse keys they do not know with
 * {@link #requireOnly(String, Set)}, so a misspelt parameter is an error, not a silent default.
 */
public final class Config {

    private static final Config EMPTY = new Config(Map.of());

    private final Map<String, String> values;

    private Config(Map<String, String> values) {
        this.values = values;
    }

    /** The configuration without parameters. */
    public static Config empty() {
        return EMPTY;
    }

    /**
     * A configuration from alternating keys and values, e.g. {@code Config.of("alpha", 0.1)}.
     *
     * @throws IllegalArgumentException if the arguments are not key–value pairs with text keys
     */
    public static Config of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "Config.of takes key-value pairs, got " + keysAndValues.length + " arguments");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new IllegalArgumentException(
                        "Config key at position " + i + " must be a String, got " + keysAndValues[i]);
            }
            put(map, key, format(keysAndValues[i + 1]));
        }
        return new Config(Collections.unmodifiableMap(map));
    }

    /** A configuration holding a copy of the given map. */
    public static Config of(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> put(copy, k, v));
        return copy.isEmpty() ? EMPTY : new Config(Collections.unmodifiableMap(copy));
    }

    /** This configuration with one parameter added or replaced. */
    public Config with(String key, Object value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        put(copy, key, format(value));
        return new Config(Collections.unmodifiableMap(copy));
    }

    private static void put(Map<String, String> map, String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, () -> "value of " + key);
        if (key.isBlank() || !key.equals(key.strip())) {
            throw new IllegalArgumentException(
                    "Config key must be non-blank without surrounding spaces, got " + Echo.quote(key));
        }
        map.put(key, value);
    }

    private static String format(Object value) {
        Objects.requireNonNull(value, "config value");
        if (value instanceof Double || value instanceof Float) {
            return Double.toString(((Number) value).doubleValue());
        }
        return value.toString();
    }

    /** The parameters as an unmodifiable map, in the order given. */
    public Map<String, String> asMap() {
        return values;
    }

    /** Whether the parameter is present. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Whether there are no parameters. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * Refuses parameters the component does not know.
     *
     * @param component the component's kind and name for the message, e.g. {@code "activation 'elu'"}
     * @param known     the parameter names the component reads
     * @throws IllegalArgumentException naming the unknown keys and the known ones
     */
    public void requireOnly(String component, Set<String> known) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameter" + (unknown.size() > 1 ? "s " : " ") + unknown
                    + " for " + component + ". Known: " + new TreeSet<>(known));
        }
    }

    /**
     * A real parameter in the grammar of {@link Numbers}, or the default when absent.
     *
     * @throws IllegalArgumentException naming the parameter and the text, if it is not such a number
     */
    public double getDouble(String key, double defaultValue) {
        String text = values.get(key);
        return text == null ? defaultValue : Numbers.parseReal(text, "Parameter '" + key + "'");
    }

    /**
     * A finite real parameter, or the default when absent.
     *
     * @throws IllegalArgumentException naming the parameter if it is not a number, or is NaN or infinite
     */
    public double getFiniteDouble(String key, double defaultValue) {
        double value = getDouble(key, defaultValue);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Parameter '" + key + "' must be a finite number, got " + value);
        }
        return value;
    }

    /**
     * An integer parameter (ASCII digits, optional sign), or the default when absent.
     *
     * @throws IllegalArgumentException naming the parameter and the text, or the int range it left
     */
    public int getInt(String key, int defaultValue) {
        String text = values.get(key);
        return text == null ? defaultValue : Numbers.parseInt(text, "Parameter '" + key + "'");
    }

    /**
     * A long parameter (ASCII digits, optional sign), or the default when absent.
     *
     * @throws IllegalArgumentException naming the parameter and the text, or the long range it left
     */
    public long getLong(String key, long defaultValue) {
        String text = values.get(key);
        return text == null ? defaultValue : Numbers.parseLong(text, "Parameter '" + key + "'");
    }

    /** A boolean parameter ({@code true} or {@code false}, any case), or the default when absent. */
    public boolean getBoolean(String key, boolean defaultValue) {
        String text = values.get(key);
        if (text == null) {
            return defaultValue;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("true")) {
            return true;
        }
        if (t.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("Parameter '" + key + "' must be true or false, got " + Echo.quote(text));
    }

    /** A text parameter, or the default when absent. */
    public String getString(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The parameters as {@code key=value} pairs separated by commas, the form {@link ComponentSpec} parses. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(k).append('=').append(v);
        });
        return sb.toString();
    }
}
