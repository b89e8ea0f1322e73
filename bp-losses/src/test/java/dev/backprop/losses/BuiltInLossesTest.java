package dev.backprop.losses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.registry.Registries;
import dev.backprop.core.registry.Registry;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.internal.BinaryCrossEntropyProvider;
import dev.backprop.losses.internal.BinaryCrossEntropyWithLogitsProvider;
import dev.backprop.losses.internal.CategoricalCrossEntropyProvider;
import dev.backprop.losses.internal.HalfSseProvider;
import dev.backprop.losses.internal.HingeProvider;
import dev.backprop.losses.internal.HuberProvider;
import dev.backprop.losses.internal.KlDivergenceProvider;
import dev.backprop.losses.internal.MaeProvider;
import dev.backprop.losses.internal.MseProvider;
import dev.backprop.losses.internal.SoftmaxCrossEntropyProvider;
import dev.backprop.testkit.Conformance;
import dev.backprop.testkit.ConformanceReport;
import dev.backprop.testkit.OutputDomain;
import dev.backprop.testkit.TargetGenerator;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltInLossesTest {

    private static final String SERVICE = LossProvider.class.getName();

    /** Every built-in with the outputs and targets it takes; those with parameters also with others. */
    static Stream<Arguments> builtIns() {
        OutputDomain real = OutputDomain.real();
        return Stream.of(
                Arguments.of(new MseProvider(), Config.empty(), real, TargetGenerator.real()),
                Arguments.of(new MseProvider(), Config.of("reduction", "sum"), real, TargetGenerator.real()),
                Arguments.of(new MaeProvider(), Config.empty(), real, TargetGenerator.real()),
                Arguments.of(new MaeProvider(), Config.of("reduction", "none"), real, TargetGenerator.real()),
                Arguments.of(new HalfSseProvider(), Config.empty(), real, TargetGenerator.real()),
                Arguments.of(new HuberProvider(), Config.empty(), real, TargetGenerator.real()),
                Arguments.of(new HuberProvider(), Config.of("delta", 0.3), real, TargetGenerator.real()),
                Arguments.of(
                        new BinaryCrossEntropyProvider(),
                        Config.empty(),
                        OutputDomain.probabilities(),
                        TargetGenerator.binary()),
                Arguments.of(
                        new BinaryCrossEntropyWithLogitsProvider(),
                        Config.empty(),
                        real,
                        TargetGenerator.probabilities()),
                Arguments.of(
                        new CategoricalCrossEntropyProvider(),
                        Config.empty(),
                        OutputDomain.probabilityRows(),
                        TargetGenerator.oneHot()),
                Arguments.of(new SoftmaxCrossEntropyProvider(), Config.empty(), real, TargetGenerator.classIndices()),
                Arguments.of(
                        new KlDivergenceProvider(),
                        Config.empty(),
                        OutputDomain.probabilityRows(),
                        TargetGenerator.probabilityRows()),
                Arguments.of(new HingeProvider(), Config.empty(), real, TargetGenerator.signs()));
    }

    @Test
    void registry_holdsExactlyTheBuiltIns() {
        Registry<Loss, LossProvider> registry = Registries.discover().losses();
        // by hand: the losses of the issue, named as decided
        assertThat(registry.names())
                .containsExactlyInAnyOrder(
                        "mse",
                        "mae",
                        "half-sse",
                        "huber",
                        "binary-cross-entropy",
                        "binary-cross-entropy-with-logits",
                        "categorical-cross-entropy",
                        "softmax-cross-entropy",
                        "kl-divergence",
                        "hinge");
        assertThat(registry.find("bce").name()).isEqualTo("binary-cross-entropy");
        assertThat(registry.find("cce").name()).isEqualTo("categorical-cross-entropy");
        assertThat(registry.find("bce-with-logits").name()).isEqualTo("binary-cross-entropy-with-logits");
    }

    @Test
    void moduleInfo_andServicesFile_declareTheSameProviders() throws IOException, URISyntaxException {
        URL location = Mse.class.getProtectionDomain().getCodeSource().getLocation();
        ModuleReference module =
                ModuleFinder.of(Path.of(location.toURI())).findAll().iterator().next();
        assertThat(module.descriptor().name()).isEqualTo("dev.backprop.losses");
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
        assertThat(declared).hasSize(10).isEqualTo(listed);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("builtIns")
    void builtIn_passesTheKit_withMaxRelativeErrorAtMost1e6(
            LossProvider provider, Config config, OutputDomain outputs, TargetGenerator targets) {
        ConformanceReport report = Conformance.defaults().checkLoss(provider, config, outputs, targets);
        report.assertPassed();
        // the bar: max relative error <= 1e-6 in double precision
        assertThat(report.maxRelativeError()).as(report.toString()).isLessThanOrEqualTo(1e-6);
    }

    /** Each built-in once, with the outputs and targets it takes. */
    static Stream<Arguments> providers() {
        return builtIns().filter(arguments -> ((Config) arguments.get()[1]).isEmpty());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providers")
    void builtIn_passesTheKit_inEveryConfigurationTheKitChooses(
            LossProvider provider, Config defaults, OutputDomain outputs, TargetGenerator targets) {
        // the kit chooses the configurations: the defaults, declared samples and derived values
        ConformanceReport report = Conformance.defaults().checkLoss(provider, outputs, targets);
        report.assertPassed();
        assertThat(report.maxRelativeError()).as(report.toString()).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void fusedPairs_areDeclaredExactlyForSigmoidWithBceAndSoftmaxWithCceAndKl() {
        Activation sigmoid = Fixtures.activation("sigmoid");
        Activation softmax = Fixtures.activation("softmax");
        Activation identity = Fixtures.activation("identity");
        for (var info : Registries.discover().losses().providers()) {
            Loss loss = info.provider().create(Config.empty());
            boolean withSigmoid = info.name().equals("binary-cross-entropy");
            boolean withSoftmax = info.name().equals("categorical-cross-entropy")
                    || info.name().equals("kl-divergence");
            assertThat(loss.fusedWith(sigmoid).isPresent())
                    .as(info.name() + " after sigmoid")
                    .isEqualTo(withSigmoid);
            assertThat(loss.fusedWith(softmax).isPresent())
                    .as(info.name() + " after softmax")
                    .isEqualTo(withSoftmax);
            assertThat(loss.fusedWith(identity))
                    .as(info.name() + " after identity")
                    .isEmpty();
        }
    }
}
