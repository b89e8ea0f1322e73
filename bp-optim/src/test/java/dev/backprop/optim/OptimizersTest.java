package dev.backprop.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.Parameter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OptimizersTest {

    /** Each typed builder beside the name and parameters that should create the same optimizer. */
    static Stream<Arguments> pairs() {
        return Stream.of(
                pair(() -> Optimizers.sgd().build(), "sgd", Config.empty()),
                pair(
                        () -> Optimizers.sgd().learningRate(0.1).l2(0.01).build(),
                        "sgd",
                        Config.of("lr", 0.1, "l2", 0.01)),
                pair(() -> Optimizers.momentum().momentum(0.5).build(), "momentum", Config.of("momentum", 0.5)),
                pair(() -> Optimizers.nesterov().build(), "nesterov", Config.empty()),
                pair(
                        () -> Optimizers.adaGrad()
                                .eps(1e-6)
                                .initialAccumulator(0.1)
                                .build(),
                        "adagrad",
                        Config.of("eps", 1e-6, "initial-accumulator", 0.1)),
                pair(
                        () -> Optimizers.rmsProp().rho(0.9).eps(1e-6).build(),
                        "rmsprop",
                        Config.of("rho", 0.9, "eps", 1e-6)),
                pair(
                        () -> Optimizers.adam()
                                .learningRate(0.001)
                                .beta1(0.8)
                                .beta2(0.99)
                                .eps(1e-7)
                                .clipNorm(1)
                                .build(),
                        "adam",
                        Config.of("lr", 0.001, "beta1", 0.8, "beta2", 0.99, "eps", 1e-7, "clip-norm", 1)),
                pair(() -> Optimizers.adamW().build(), "adamw", Config.empty()),
                pair(
                        () -> Optimizers.adamW()
                                .weightDecay(0.1)
                                .l1(0.001)
                                .clipValue(2)
                                .maxNorm(3)
                                .regularizeBias(true)
                                .build(),
                        "adamw",
                        Config.of(
                                "weight-decay",
                                0.1,
                                "l1",
                                0.001,
                                "clip-value",
                                2,
                                "max-norm",
                                3,
                                "regularize-bias",
                                true)),
                pair(
                        () -> Optimizers.rprop()
                                .etaPlus(1.5)
                                .etaMinus(0.4)
                                .delta0(0.2)
                                .deltaMin(1e-5)
                                .deltaMax(10)
                                .build(),
                        "rprop",
                        Config.of(
                                "eta-plus", 1.5, "eta-minus", 0.4, "delta0", 0.2, "delta-min", 1e-5, "delta-max", 10)));
    }

    private static Arguments pair(Supplier<Optimizer> factory, String name, Config config) {
        return Arguments.of(name + " " + config, factory, name, config);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void builder_createsWhatTheNameCreates(String label, Supplier<Optimizer> factory, String name, Config config) {
        Optimizer typed = factory.get();
        Optimizer named =
                Registries.discover().optimizers().find(name).provider().create(config);

        assertThat(typed.getClass()).isEqualTo(named.getClass());
        assertThat(typed.name()).isEqualTo(named.name());
        assertThat(typed.config()).isEqualTo(named.config());
        // two steps on the same sample weight and gradient move both to the same place
        Parameter p1 = sample();
        Parameter p2 = sample();
        typed.initialise(List.of(p1));
        named.initialise(List.of(p2));
        for (int i = 0; i < 2; i++) {
            typed.step(List.of(p1), typed.learningRate());
            named.step(List.of(p2), named.learningRate());
        }
        assertThat(p1.value().data).containsExactly(p2.value().data);
    }

    private static Parameter sample() {
        DMatrixRMaj w = new DMatrixRMaj(2, 2, true, 0.5, -1, 2, 0.25);
        DMatrixRMaj g = new DMatrixRMaj(2, 2, true, 0.1, -0.3, 0.7, 0);
        return new Parameter("w", Parameter.Kind.WEIGHT, w, g);
    }

    @Test
    void everyBuiltInName_hasATypedBuilder() {
        Set<String> covered = new TreeSet<>();
        pairs().forEach(a -> covered.add((String) a.get()[2]));
        assertThat(covered).isEqualTo(Registries.discover().optimizers().names());
    }

    @Test
    void builderMethods_refuseABadValueAtOnce_namingIt() {
        assertThatThrownBy(() -> Optimizers.adam().beta1(1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beta1")
                .hasMessageContaining("1.0");
        assertThatThrownBy(() -> Optimizers.sgd().learningRate(-0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lr");
        assertThatThrownBy(() -> Optimizers.rprop().etaPlus(1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eta-plus");
    }

    @Test
    void sgdBuilder_stepsByTheRateGiven() {
        Optimizer sgd = Optimizers.sgd().learningRate(0.5).build();
        Parameter p = sample();
        sgd.initialise(List.of(p));
        sgd.step(List.of(p), sgd.learningRate());
        // by hand: w - 0.5 * g = [0.5 - 0.05, -1 + 0.15, 2 - 0.35, 0.25 - 0]
        assertThat(p.value().data[0]).isCloseTo(0.45, Offset.offset(1e-12));
        assertThat(p.value().data[1]).isCloseTo(-0.85, Offset.offset(1e-12));
        assertThat(p.value().data[2]).isCloseTo(1.65, Offset.offset(1e-12));
        assertThat(p.value().data[3]).isCloseTo(0.25, Offset.offset(1e-12));
    }
}
