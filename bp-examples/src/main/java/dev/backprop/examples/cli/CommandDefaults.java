package dev.backprop.examples.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The default values of one command's shared options, looked up by the option's long name. The shared options
 * ({@link TrainingOptions}, {@link NetworkOptions}) are the same on every command but their defaults are not —
 * {@code mnist} trains 784-50-10 with batch 100, {@code iris} a much smaller network — so each command names a
 * subclass of this as its {@code defaultValueProvider}, and {@code --help} shows that command's defaults.
 */
abstract class CommandDefaults implements CommandLine.IDefaultValueProvider {

    private final Map<String, String> values = new LinkedHashMap<>();

    /**
     * Defaults from alternating option names and values, e.g. {@code "--epochs", "10"}.
     *
     * @throws IllegalArgumentException if the arguments are not pairs
     */
    CommandDefaults(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "defaults come in name-value pairs, got " + namesAndValues.length + " strings");
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (argument instanceof OptionSpec option) {
            return values.get(option.longestName());
        }
        return null;
    }
}
