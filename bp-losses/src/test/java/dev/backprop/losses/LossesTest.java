package dev.backprop.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
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

class LossesTest {

    /** Each typed factory beside the name and parameters that should create the same loss, and sample data. */
    static Stream<Arguments> pairs() {
        // probabilities in (0, 1) with rows summing to 1, valid for every loss on probabilities
        DMatrixRMaj probs = new DMatrixRMaj(2, 2, true, 0.3, 0.7, 0.8, 0.2);
        DMatrixRMaj oneHot = new DMatrixRMaj(2, 2, true, 0, 1, 1, 0);
        DMatrixRMaj scores = new DMatrixRMaj(2, 2, true, -1.5, 0.5, 2, -0.25);
        DMatrixRMaj signs = new DMatrixRMaj(2, 2, true, -1, 1, 1, -1);
        return Stream.of(
                pair(Losses::mse, "mse", Config.empty(), scores, probs),
                pair(() -> Losses.mse(Reduction.SUM), "mse", Config.of("reduction", "sum"), scores, probs),
                pair(Losses::mae, "mae", Config.empty(), scores, probs),
                pair(() -> Losses.mae(Reduction.NONE), "mae", Config.of("reduction", "none"), scores, probs),
                pair(Losses::halfSse, "half-sse", Config.empty(), scores, probs),
                pair(Losses::huber, "huber", Config.empty(), scores, probs),
                pair(() -> Losses.huber(0.5), "huber", Config.of("delta", 0.5), scores, probs),
                pair(Losses::binaryCrossEntropy, "binary-cross-entropy", Config.empty(), probs, oneHot),
                pair(
                        Losses::binaryCrossEntropyWithLogits,
                        "binary-cross-entropy-with-logits",
                        Config.empty(),
                        scores,
                        oneHot),
                pair(Losses::categoricalCrossEntropy, "categorical-cross-entropy", Config.empty(), probs, oneHot),
                pair(Losses::softmaxCrossEntropy, "softmax-cross-entropy", Config.empty(), scores, oneHot),
                pair(Losses::klDivergence, "kl-divergence", Config.empty(), probs, probs.copy()),
                pair(Losses::hinge, "hinge", Config.empty(), scores, signs));
    }

    private static Arguments pair(
            Supplier<Loss> factory, String name, Config config, DMatrixRMaj output, DMatrixRMaj target) {
        return Arguments.of(name + " " + config, factory, name, config, output, target);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void factory_createsWhatTheNameCreates(
            String label, Supplier<Loss> factory, String name, Config config, DMatrixRMaj output, DMatrixRMaj target) {
        Loss typed = factory.get();
        Loss named = Registries.discover().losses().find(name).provider().create(config);

        assertThat(typed.getClass()).isEqualTo(named.getClass());
        assertThat(typed.name()).isEqualTo(named.name());
        assertThat(typed.config()).isEqualTo(named.config());
        assertThat(typed.value(output, target)).isEqualTo(named.value(output, target));
    }

    @Test
    void everyBuiltInName_hasATypedFactory() {
        Set<String> covered = new TreeSet<>();
        pairs().forEach(a -> covered.add((String) a.get()[2]));
        assertThat(covered).isEqualTo(Registries.discover().losses().names());
    }

    @Test
    void huberFactory_refusesANonPositiveDelta() {
        assertThatThrownBy(() -> Losses.huber(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("delta");
    }

    @Test
    void mseSumFactory_sumsTheSquaredErrors() {
        Loss loss = Losses.mse(Reduction.SUM);
        DMatrixRMaj y = new DMatrixRMaj(1, 2, true, 1, 3);
        DMatrixRMaj t = new DMatrixRMaj(1, 2, true, 0, 1);
        // by hand: (1 - 0)^2 + (3 - 1)^2 = 1 + 4 = 5
        assertThat(loss.value(y, t)).isCloseTo(5.0, Offset.offset(1e-12));
    }
}
