package dev.backprop.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.gradcheck.GradientCheck;
import dev.backprop.core.gradcheck.GradientCheckReport;
import dev.backprop.core.init.Initializers;
import dev.backprop.core.random.Rng;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.testing.TestActivations;
import dev.backprop.core.testing.TestLosses;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random networks — depth 1 to 4, widths 1 to 64, each layer with or without bias, batches of 1 and 7 — whose
 * backpropagated gradients (every weight, bias and the input) must agree with central differences.
 */
class RandomNetworkGradientTest {

    private static final List<Supplier<Activation>> SMOOTH = List.of(
            TestActivations::sigmoid, TestActivations::tanh, TestActivations::identity, TestActivations::softplus);

    static Stream<Arguments> networks() {
        return IntStream.range(0, 24).boxed().flatMap(seed -> Stream.of(Arguments.of(seed, 1), Arguments.of(seed, 7)));
    }

    @ParameterizedTest(name = "seed {0}, batch {1}")
    @MethodSource("networks")
    void randomNetwork_backpropGradients_matchCentralDifferences(int seed, int batch) {
        Rng rng = new Rng(seed);
        int depth = 1 + rng.nextInt(4);
        int[] widths = new int[depth + 1];
        for (int i = 0; i <= depth; i++) {
            // mostly small, sometimes up to 64, and width 1 appears too
            widths[i] = rng.nextInt(4) == 0 ? 1 + rng.nextInt(64) : 1 + rng.nextInt(8);
        }
        int lossKind = rng.nextInt(3);
        if (lossKind == 2) {
            widths[depth] = Math.max(2, widths[depth]);
        }
        NetworkBuilder builder =
                Network.builder(WorkedExampleTest.emptyRegistries()).input(widths[0]);
        for (int l = 0; l < depth; l++) {
            boolean last = l == depth - 1;
            Activation activation = last && lossKind == 2
                    ? TestActivations.softmax()
                    : SMOOTH.get(rng.nextInt(SMOOTH.size())).get();
            builder.dense(widths[l + 1], activation, rng.nextInt(2) == 0);
        }
        Network net =
                builder.initializer(Initializers.xavierNormal()).seed(seed).build();
        for (DenseLayer layer : net.layers()) {
            if (layer.hasBias()) {
                Initializers.normal(0, 0.5).fill(layer.bias(), rng);
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(batch, widths[0]);
        Initializers.normal(0, 1).fill(x, rng);
        DMatrixRMaj t = new DMatrixRMaj(batch, widths[depth]);
        Loss loss;
        if (lossKind == 2) {
            for (int r = 0; r < batch; r++) {
                t.set(r, rng.nextInt(widths[depth]), 1.0);
            }
            loss = TestLosses.crossEntropy(true);
        } else {
            Initializers.normal(0, 1).fill(t, rng);
            loss = lossKind == 0 ? TestLosses.halfSumOfSquares() : TestLosses.meanSquaredError();
        }

        GradientCheckReport params = GradientCheck.defaults().check(net, loss, x, t);
        GradientCheckReport input = GradientCheck.defaults().checkInput(net, loss, x, t);

        assertThat(params.passed())
                .as("%s network %s: %s", net.spec().shape(), loss.name(), params)
                .isTrue();
        assertThat(input.passed())
                .as("%s network input: %s", net.spec().shape(), input)
                .isTrue();
        assertThat(params.entries()).hasSize((int) net.spec().parameterCount());
    }
}
