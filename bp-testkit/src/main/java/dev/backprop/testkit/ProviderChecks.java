package dev.backprop.testkit;

import dev.backprop.core.registry.DuplicateProviderException;
import dev.backprop.core.registry.ProviderInfo;
import dev.backprop.core.registry.Registry;
import dev.backprop.core.spi.Component;
import dev.backprop.core.spi.ComponentProvider;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The checks every provider must pass whatever it provides: a usable name, registration under exactly that
 * name, parameters that round-trip, and unknown parameters refused.
 *
 * @param <T> the component type
 * @param <P> the provider type
 */
final class ProviderChecks<T extends Component, P extends ComponentProvider<T>> {

    /** The parameter name no component knows, used to check that unknown parameters are refused. */
    static final String UNKNOWN_PARAMETER = "no-such-parameter";

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final String kind;
    private final Class<P> service;
    private final P provider;
    private final Config config;
    private final BiFunction<T, T, String> behaviourDifference;
    private final String compared;

    /**
     * @param behaviourDifference compares two components on a sample input: null when they behave identically,
     *                            else a description of the difference
     * @param compared            what {@code behaviourDifference} compares, e.g. {@code forward and backward
     *                            outputs on 40 inputs}
     */
    ProviderChecks(
            String kind,
            Class<P> service,
            P provider,
            Config config,
            BiFunction<T, T, String> behaviourDifference,
            String compared) {
        this.kind = kind;
        this.service = service;
        this.provider = provider;
        this.config = config;
        this.behaviourDifference = behaviourDifference;
        this.compared = compared;
    }

    /** The checks, in order. */
    List<NamedCheck> all() {
        List<NamedCheck> checks = new ArrayList<>();
        checks.add(new NamedCheck("name", this::name));
        checks.add(new NamedCheck("registry", this::registry));
        checks.add(new NamedCheck("parameters round-trip", this::roundTrip));
        checks.add(new NamedCheck("parameters change the output", this::parametersChangeBehaviour));
        checks.add(new NamedCheck("unknown parameter refused", this::unknownParameter));
        return checks;
    }

    private CheckResult name() {
        String name = provider.name();
        if (name == null || !NAME.matcher(name).matches()) {
            return CheckResult.fail(
                    "name",
                    "the name '" + name + "' is not lower-case words joined by hyphens," + " such as leaky-relu");
        }
        for (String alias : provider.aliases()) {
            if (alias == null || !NAME.matcher(alias).matches()) {
                return CheckResult.fail(
                        "name", "the alias '" + alias + "' is not lower-case words joined by" + " hyphens");
            }
        }
        String description = provider.description();
        if (description == null || description.isBlank()) {
            return CheckResult.fail(
                    "name",
                    "description() is blank; give one sentence saying what '" + name + "' computes, for listings");
        }
        T component = provider.create(config);
        if (!name.equals(component.name())) {
            return CheckResult.fail(
                    "name",
                    "the provider is named '" + name + "' but its component's name() is '" + component.name()
                            + "'; they must be equal so that model files name the right provider");
        }
        return CheckResult.pass(
                "name", "'" + name + "'" + (provider.aliases().isEmpty() ? "" : ", aliases " + provider.aliases()));
    }

    private CheckResult registry() {
        Registry<T, P> registry = load(kind, service, provider.getClass());
        String className = provider.getClass().getName();
        List<String> names = new ArrayList<>();
        names.add(provider.name());
        names.addAll(provider.aliases());
        for (String name : names) {
            if (!registry.contains(name)) {
                return CheckResult.fail(
                        "registry",
                        "no " + kind + " provider named '" + name + "' is visible to ServiceLoader: "
                                + ServiceRegistration.advice(service, provider.getClass()));
            }
            ProviderInfo<P> info;
            try {
                info = registry.find(name);
            } catch (DuplicateProviderException e) {
                // a registry records a name two providers claim and refuses it only where it is looked up
                return CheckResult.fail("registry", e.getMessage());
            }
            if (!info.className().equals(className)) {
                return CheckResult.fail(
                        "registry",
                        "the name '" + name + "' resolves to " + info.className() + " from " + info.origin()
                                + ", not to " + className);
            }
        }
        ProviderInfo<P> info = registry.find(provider.name());
        return CheckResult.pass(
                "registry",
                "'" + provider.name() + "' resolves to exactly " + className + " from " + info.origin() + " among "
                        + registry.names().size() + " " + kind + " providers");
    }

    /**
     * The registry the engine would build where {@code origin} lives: from its module layer when it is in a
     * named module of a layer other than the boot layer, else with the thread's context class loader.
     */
    static <T extends Component, P extends ComponentProvider<T>> Registry<T, P> load(
            String kind, Class<P> service, Class<?> origin) {
        ModuleLayer layer = origin.getModule().getLayer();
        if (layer != null && layer != ModuleLayer.boot()) {
            return Registry.load(kind, service, layer);
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return Registry.load(kind, service, context != null ? context : origin.getClassLoader());
    }

    private CheckResult roundTrip() {
        String check = "parameters round-trip";
        T component = provider.create(config);
        Config full = component.config();
        for (Map.Entry<String, String> given : config.asMap().entrySet()) {
            String key = given.getKey();
            if (!full.has(key)) {
                return CheckResult.fail(
                        check,
                        "the parameter '" + key + "' was given but config() = {" + full + "} does not contain it");
            }
            String reported = full.asMap().get(key);
            if (!ParameterSamples.sameValue(given.getValue(), reported)) {
                return CheckResult.fail(
                        check,
                        "the parameter '" + key + "' was given as " + given.getValue() + " but config() reports "
                                + reported + " (config() = {" + full + "}); the component must keep, use and report"
                                + " the value it was given");
            }
        }
        T again = provider.create(full);
        if (!again.config().equals(full)) {
            return CheckResult.fail(
                    check, "config() = {" + full + "} creates a component whose config() is {" + again.config() + "}");
        }
        String text = component.spec().toString();
        ComponentSpec parsed = ComponentSpec.parse(text);
        T fromText = provider.create(parsed.config());
        if (!parsed.name().equals(provider.name()) || !fromText.config().equals(full)) {
            return CheckResult.fail(check, "the text form '" + text + "' reads back as '" + fromText.spec() + "'");
        }
        String difference = behaviourDifference.apply(component, again);
        if (difference != null) {
            return CheckResult.fail(
                    check,
                    "a component re-created from config() = {" + full + "} behaves" + " differently: " + difference);
        }
        difference = behaviourDifference.apply(component, fromText);
        if (difference != null) {
            return CheckResult.fail(
                    check,
                    "a component re-created from the text form '" + text + "' behaves differently: " + difference);
        }
        return CheckResult.pass(
                check,
                "'" + text + "' keeps the values given and re-creates a component with the same " + compared
                        + ", also from its text form");
    }

    /**
     * A changed parameter must change the behaviour: for each parameter in {@code config()}, a component made
     * with one of the other values (see {@link ParameterSamples}) must differ from this one on the sample input.
     */
    private CheckResult parametersChangeBehaviour() {
        String check = "parameters change the output";
        T component = provider.create(config);
        Config full = component.config();
        if (full.isEmpty()) {
            return CheckResult.pass(check, "the component reports no parameters");
        }
        List<String> changed = new ArrayList<>();
        List<String> untried = new ArrayList<>();
        for (Map.Entry<String, String> parameter : full.asMap().entrySet()) {
            String key = parameter.getKey();
            String value = parameter.getValue();
            // the first accepted value that changes the behaviour; a value with the same effect as this one
            // (reduction=none and sum give one value) does not count against the parameter
            List<String> tried = new ArrayList<>();
            String other = null;
            for (String candidate : ParameterSamples.alternatives(provider, key, value)) {
                T variant;
                try {
                    variant = provider.create(full.with(key, candidate));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                tried.add(candidate);
                if (behaviourDifference.apply(component, variant) != null) {
                    other = candidate;
                    break;
                }
            }
            if (tried.isEmpty()) {
                untried.add(key);
                continue;
            }
            if (other == null) {
                return CheckResult.fail(
                        check,
                        "changing '" + key + "' from " + value + " to " + (tried.size() == 1 ? "" : "any of ")
                                + String.join(", ", tried) + " leaves the " + compared
                                + " exactly as they were: the component reports the parameter but does not compute"
                                + " with the value given");
            }
            changed.add(key + " " + value + " -> " + other);
        }
        return CheckResult.pass(
                check,
                (changed.isEmpty() ? "no parameter could be changed" : "changing " + String.join(", ", changed))
                        + (changed.isEmpty() ? "" : " changes the " + compared)
                        + (untried.isEmpty()
                                ? ""
                                : "; no other value of " + untried + " was found to try: declare one with"
                                        + " sampleConfigs()"));
    }

    private CheckResult unknownParameter() {
        String check = "unknown parameter refused";
        Config bad = config.with(UNKNOWN_PARAMETER, "1");
        try {
            provider.create(bad);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || !e.getMessage().contains(UNKNOWN_PARAMETER)) {
                return CheckResult.fail(
                        check,
                        "create refused {" + bad + "} but its message does not name the" + " parameter: "
                                + e.getMessage());
            }
            return CheckResult.pass(check, e.getMessage());
        }
        return CheckResult.fail(
                check,
                "create accepted the unknown parameter '" + UNKNOWN_PARAMETER + "'; refuse"
                        + " unknown keys with config.requireOnly(...) so that a misspelt parameter is an error");
    }
}
