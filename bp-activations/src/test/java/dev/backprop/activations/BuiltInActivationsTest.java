package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.activations.internal.EluProvider;
import dev.backprop.activations.internal.GeluProvider;
import dev.backprop.activations.internal.HardTanhProvider;
import dev.backprop.activations.internal.LeakyReluProvider;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.registry.Registry;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import dev.backprop.testkit.Conformance;
import dev.backprop.testkit.ConformanceReport;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltInActivationsTest {

    private static final String SERVICE = ActivationProvider.class.getName();

    /** Every built-in with its default parameters, and those with parameters also with others. */
    static Stream<Arguments> builtIns() {
        List<Arguments> all = new ArrayList<>();
        for (var info : Registries.discover().activations().providers()) {
            all.add(Arguments.of(info.provider(), Config.empty()));
        }
        all.add(Arguments.of(new LeakyReluProvider(), Config.of("alpha", 0.2)));
        all.add(Arguments.of(new EluProvider(), Config.of("alpha", 0.5)));
        all.add(Arguments.of(new GeluProvider(), Config.of("approximate", "tanh")));
        all.add(Arguments.of(new HardTanhProvider(), Config.of("min", -2, "max", 0.5)));
        return all.stream();
    }

    @Test
    void registry_holdsExactlyTheBuiltInsOfTheIssue() {
        Registry<Activation, ActivationProvider> registry =
                Registries.discover().activations();
        // by hand: the list in the issue
        assertThat(registry.names())
                .containsExactlyInAnyOrder(
                        "identity",
                        "sigmoid",
                        "tanh",
                        "relu",
                        "leaky-relu",
                        "elu",
                        "selu",
                        "gelu",
                        "softplus",
                        "softsign",
                        "swish",
                        "mish",
                        "hard-sigmoid",
                        "hard-tanh",
                        "softmax",
                        "log-softmax");
        assertThat(registry.find("linear").name()).isEqualTo("identity");
        assertThat(registry.find("silu").name()).isEqualTo("swish");
        for (var info : registry.providers()) {
            assertThat(info.className()).startsWith("dev.backprop.activations.");
        }
    }

    @Test
    void moduleInfo_andServicesFile_declareTheSameProviders() throws IOException, URISyntaxException {
        URL location = Identity.class.getProtectionDomain().getCodeSource().getLocation();
        ModuleReference module =
                ModuleFinder.of(Path.of(location.toURI())).findAll().iterator().next();
        assertThat(module.descriptor().name()).isEqualTo("dev.backprop.activations");
        Set<String> declared = new TreeSet<>();
        for (ModuleDescriptor.Provides provides : module.descriptor().provides()) {
            assertThat(provides.service()).isEqualTo(SERVICE);
            declared.addAll(provides.providers());
        }
        Set<String> listed = new TreeSet<>();
        try (URLClassLoader own = new URLClassLoader(new URL[] {location}, null);
                InputStream in = own.getResourceAsStream("META-INF/services/" + SERVICE)) {
            assertThat(in).as("META-INF/services/" + SERVICE).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", 0)) {
                if (!line.isBlank()) {
                    listed.add(line.strip());
                }
            }
        }
        assertThat(declared).hasSize(16).isEqualTo(listed);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("builtIns")
    void builtIn_mapsNaNToNaN(ActivationProvider provider, Config config) {
        Activation activation = provider.create(config);
        // by definition: a NaN input has no value, so no activation may turn it into a number
        double[] out = Fixtures.forward(activation, Double.NaN, 0.5, -1.0);
        assertThat(out[0]).as(provider.name() + "(NaN)").isNaN();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("builtIns")
    void builtIn_passesTheKit_withMaxRelativeErrorAtMost1e6(ActivationProvider provider, Config config) {
        ConformanceReport report = Conformance.defaults().checkActivation(provider, config);
        report.assertPassed();
        // the issue's bar: max relative error <= 1e-6 in double precision
        assertThat(report.maxRelativeError()).as(report.toString()).isLessThanOrEqualTo(1e-6);
    }

    /** Every built-in in every configuration the kit chooses: defaults, declared samples, derived values. */
    static Stream<ActivationProvider> providers() {
        return Registries.discover().activations().providers().stream().map(info -> info.provider());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void builtIn_passesTheKit_inEveryConfigurationTheKitChooses(ActivationProvider provider) {
        ConformanceReport report = Conformance.defaults().checkActivation(provider);
        report.assertPassed();
        assertThat(report.maxRelativeError()).as(report.toString()).isLessThanOrEqualTo(1e-6);
    }
}
