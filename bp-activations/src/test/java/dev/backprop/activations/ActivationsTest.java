package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActivationsTest {

    /** Each typed factory beside the name and parameters that should create the same activation. */
    static Stream<Arguments> pairs() {
        return Stream.of(
                pair(Activations::identity, "identity", Config.empty()),
                pair(Activations::sigmoid, "sigmoid", Config.empty()),
                pair(Activations::tanh, "tanh", Config.empty()),
                pair(Activations::relu, "relu", Config.empty()),
                pair(Activations::leakyRelu, "leaky-relu", Config.empty()),
                pair(() -> Activations.leakyRelu(0.1), "leaky-relu", Config.of("alpha", 0.1)),
                pair(Activations::elu, "elu", Config.empty()),
                pair(() -> Activations.elu(0.5), "elu", Config.of("alpha", 0.5)),
                pair(Activations::selu, "selu", Config.empty()),
                pair(Activations::gelu, "gelu", Config.empty()),
                pair(Activations::geluTanh, "gelu", Config.of("approximate", "tanh")),
                pair(Activations::softplus, "softplus", Config.empty()),
                pair(Activations::softsign, "softsign", Config.empty()),
                pair(Activations::swish, "swish", Config.empty()),
                pair(Activations::mish, "mish", Config.empty()),
                pair(Activations::hardSigmoid, "hard-sigmoid", Config.empty()),
                pair(Activations::hardTanh, "hard-tanh", Config.empty()),
                pair(() -> Activations.hardTanh(-2, 0.5), "hard-tanh", Config.of("min", -2, "max", 0.5)),
                pair(Activations::softmax, "softmax", Config.empty()),
                pair(Activations::logSoftmax, "log-softmax", Config.empty()));
    }

    private static Arguments pair(Supplier<Activation> factory, String name, Config config) {
        return Arguments.of(name + " " + config, factory, name, config);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void factory_createsWhatTheNameCreates(String label, Supplier<Activation> factory, String name, Config config) {
        Activation typed = factory.get();
        Activation named =
                Registries.discover().activations().find(name).provider().create(config);

        assertThat(typed.getClass()).isEqualTo(named.getClass());
        assertThat(typed.name()).isEqualTo(named.name());
        assertThat(typed.config()).isEqualTo(named.config());
        // sample inputs spanning both signs and the saturating ends, two rows for the row-wise softmaxes
        DMatrixRMaj z = new DMatrixRMaj(2, 4, true, -3, -0.5, 0, 0.7, 1.5, 2, -1, 4);
        DMatrixRMaj a1 = new DMatrixRMaj(2, 4);
        DMatrixRMaj a2 = new DMatrixRMaj(2, 4);
        typed.forward(z, a1);
        named.forward(z, a2);
        assertThat(a1.data).containsExactly(a2.data);
    }

    @Test
    void everyBuiltInName_hasATypedFactory() {
        Set<String> covered = new TreeSet<>();
        pairs().forEach(a -> covered.add((String) a.get()[2]));
        assertThat(covered).isEqualTo(Registries.discover().activations().names());
    }

    @Test
    void factoryParameters_areCheckedLikeTheName() {
        assertThatThrownBy(() -> Activations.leakyRelu(-0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha")
                .hasMessageContaining("-0.1");
        assertThatThrownBy(() -> Activations.elu(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha");
        assertThatThrownBy(() -> Activations.hardTanh(1, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min");
    }

    @Test
    void leakyReluFactory_appliesItsSlope() {
        Activation a = Activations.leakyRelu(0.1);
        DMatrixRMaj z = new DMatrixRMaj(1, 2, true, -2, 3);
        DMatrixRMaj out = new DMatrixRMaj(1, 2);
        a.forward(z, out);
        // by hand: 0.1 * -2 = -0.2; 3 > 0 stays 3
        assertThat(List.of(out.get(0), out.get(1))).containsExactly(-0.2, 3.0);
    }
}
