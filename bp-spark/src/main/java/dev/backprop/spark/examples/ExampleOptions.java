package dev.backprop.spark.examples;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of the examples: a small parser, so that the application jar needs nothing
 * beyond bp.
 */
final class ExampleOptions {

    private final Map<String, String> values;

    private ExampleOptions(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Reads {@code --name value} pairs.
     *
     * @param known the option names the program takes, without dashes
     * @throws IllegalArgumentException naming an unknown option, or one without a value
     */
    static ExampleOptions parse(String[] args, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || !known.contains(arg.substring(2))) {
                throw new IllegalArgumentException(
                        "Unknown option '" + arg + "'; options: --" + String.join(", --", known));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + arg + " needs a value");
            }
            values.put(arg.substring(2), args[++i]);
        }
        return new ExampleOptions(values);
    }

    String text(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue).toLowerCase(Locale.ROOT);
    }

    int integer(String name, int defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new IllegalArgumentException("--" + name + " must be at least 1, got " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + v + "'", e);
        }
    }

    String path(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }
}
