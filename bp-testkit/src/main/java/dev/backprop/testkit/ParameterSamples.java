package dev.backprop.testkit;

import dev.backprop.core.spi.BatchReduction;
import dev.backprop.core.spi.Component;
import dev.backprop.core.spi.ComponentProvider;
import dev.backprop.core.spi.Config;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parameter values the kit tries besides the ones given: those a provider declares with
 * {@link ComponentProvider#sampleConfigs()}, and others derived from a parameter's current value: a real
 * number v ≠ 0 becomes 1.5 v, 0.5 v, v + 1 or v − 1 (0 becomes 0.5, 1 or −0.5), an integer n becomes n + 1,
 * n − 1 or 2n, a boolean its negation, and {@code reduction} each other {@link BatchReduction} name.
 */
final class ParameterSamples {

    private ParameterSamples() {}

    /**
     * The configurations the kit checks for a provider: the defaults, each declared sample, and for each
     * parameter the created default component reports, the defaults with that one parameter changed to the
     * first derived value the provider accepts. In that order, without repeats.
     */
    static <T extends Component> List<Config> configs(ComponentProvider<T> provider) {
        Set<Config> configs = new LinkedHashSet<>();
        Config defaults;
        try {
            defaults = provider.create(Config.empty()).config();
            configs.add(Config.empty());
        } catch (RuntimeException e) {
            // a provider without defaults is checked with its samples only (or fails with the defaults)
            defaults = null;
        }
        configs.addAll(provider.sampleConfigs());
        if (defaults != null) {
            for (Map.Entry<String, String> parameter : defaults.asMap().entrySet()) {
                String key = parameter.getKey();
                String accepted = firstAccepted(provider, Config.empty(), key, parameter.getValue());
                if (accepted != null) {
                    configs.add(Config.of(key, accepted));
                }
            }
        }
        if (configs.isEmpty()) {
            configs.add(Config.empty());
        }
        return List.copyOf(configs);
    }

    /**
     * The first value other than {@code value} that {@code provider.create(base.with(key, v))} accepts, from
     * the declared samples and then the derived values; null if none is accepted.
     */
    static <T extends Component> String firstAccepted(
            ComponentProvider<T> provider, Config base, String key, String value) {
        for (String candidate : alternatives(provider, key, value)) {
            try {
                provider.create(base.with(key, candidate));
                return candidate;
            } catch (IllegalArgumentException e) {
                // not a valid value for this parameter: try the next
            }
        }
        return null;
    }

    /** Values of {@code key} to try instead of {@code value}: the declared ones first, then derived ones. */
    static List<String> alternatives(ComponentProvider<?> provider, String key, String value) {
        Set<String> values = new LinkedHashSet<>();
        for (Config sample : provider.sampleConfigs()) {
            if (sample.has(key)) {
                values.add(sample.asMap().get(key));
            }
        }
        values.addAll(derived(key, value));
        List<String> others = new ArrayList<>();
        for (String v : values) {
            if (!sameValue(v, value)) {
                others.add(v);
            }
        }
        return others;
    }

    /** Values derived from the text of a parameter's value, as listed in the class comment. */
    static List<String> derived(String key, String value) {
        String v = value.strip();
        List<String> derived = new ArrayList<>();
        if (key.equals("reduction")) {
            for (BatchReduction reduction : BatchReduction.values()) {
                derived.add(reduction.name().toLowerCase(Locale.ROOT));
            }
        } else if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            derived.add(Boolean.toString(!Boolean.parseBoolean(v)));
        } else if (isInteger(v)) {
            long n = Long.parseLong(v);
            derived.add(Long.toString(n + 1));
            derived.add(Long.toString(n - 1));
            derived.add(Long.toString(2 * n));
        } else if (isNumber(v)) {
            double x = Double.parseDouble(v);
            if (x == 0) {
                derived.add(Double.toString(0.5));
                derived.add(Double.toString(1.0));
                derived.add(Double.toString(-0.5));
            } else if (Double.isFinite(x)) {
                derived.add(Double.toString(1.5 * x));
                derived.add(Double.toString(0.5 * x));
                derived.add(Double.toString(x + 1));
                derived.add(Double.toString(x - 1));
            }
        }
        return derived;
    }

    /**
     * Whether two texts of a parameter mean the same value: equal numbers ({@code 2} and {@code 2.0}), or
     * else the same text ignoring case and surrounding spaces.
     */
    static boolean sameValue(String a, String b) {
        String x = a.strip();
        String y = b.strip();
        if (isNumber(x) && isNumber(y)) {
            return Double.compare(Double.parseDouble(x), Double.parseDouble(y)) == 0;
        }
        return x.equalsIgnoreCase(y);
    }

    private static boolean isInteger(String text) {
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
