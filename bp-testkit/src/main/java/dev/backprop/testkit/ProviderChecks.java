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

    /**
     * @param behaviourDifference compares two components made from one configuration on a sample input: null
     *                            when they behave identically, else a description of the difference
     */
    ProviderChecks(
            String kind, Class<P> service, P provider, Config config, BiFunction<T, T, String> behaviourDifference) {
        this.kind = kind;
        this.service = service;
        this.provider = provider;
        this.config = config;
        this.behaviourDifference = behaviourDifference;
    }

    /** The checks, in order. */
    List<NamedCheck> all() {
        List<NamedCheck> checks = new ArrayList<>();
        checks.add(new NamedCheck("name", this::name));
        checks.add(new NamedCheck("registry", this::registry));
        checks.add(new NamedCheck("parameters round-trip", this::roundTrip));
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
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : provider.getClass().getClassLoader();
        Registry<T, P> registry;
        try {
            registry = Registry.load(kind, service, loader);
        } catch (DuplicateProviderException e) {
            return CheckResult.fail("registry", e.getMessage());
        }
        String className = provider.getClass().getName();
        List<String> names = new ArrayList<>();
        names.add(provider.name());
        names.addAll(provider.aliases());
        for (String name : names) {
            if (!registry.contains(name)) {
                return CheckResult.fail(
                        "registry",
                        "no " + kind + " provider named '" + name + "' is visible to"
                                + " ServiceLoader. List " + className + " in META-INF/services/" + service.getName()
                                + " and add 'provides " + service.getName() + " with "
                                + provider.getClass().getCanonicalName() + ";' to module-info.java");
            }
            ProviderInfo<P> info = registry.find(name);
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

    private CheckResult roundTrip() {
        String check = "parameters round-trip";
        T component = provider.create(config);
        Config full = component.config();
        for (String key : config.asMap().keySet()) {
            if (!full.has(key)) {
                return CheckResult.fail(
                        check,
                        "the parameter '" + key + "' was given but config() = {" + full + "} does not contain it");
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
        return CheckResult.pass(check, "'" + text + "' re-creates an identical component");
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
