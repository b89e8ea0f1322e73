package dev.backprop.blas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backprop.core.gradcheck.GradientCheck;
import dev.backprop.core.gradcheck.GradientCheckReport;
import dev.backprop.core.init.Initializers;
import dev.backprop.core.internal.backend.EjmlBackend;
import dev.backprop.core.network.Network;
import dev.backprop.core.random.Rng;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.registry.Registry;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.core.spi.MatrixBackend;
import dev.backprop.core.spi.OptimizerProvider;
import dev.backprop.core.spi.ScheduleProvider;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlasNetworkTest {

    private static final Registries NONE = new Registries(
            Registry.of("activation", ActivationProvider.class, List.of()),
            Registry.of("loss", LossProvider.class, List.of()),
            Registry.of("optimizer", OptimizerProvider.class, List.of()),
            Registry.of("schedule", ScheduleProvider.class, List.of()));

    private static MatrixBackend blas() {
        BlasBackendProvider provider = new BlasBackendProvider();
        assumeTrue(provider.isAvailable(), () -> "no native BLAS here: " + provider.description());
        return provider.create();
    }

    private static Network network(int[] widths, MatrixBackend backend, long seed) {
        var builder = Network.builder(NONE).input(widths[0]);
        for (int l = 1; l < widths.length; l++) {
            builder.dense(widths[l], TanhAndSquares.tanh(), true);
        }
        Network net = builder.initializer(Initializers.xavierNormal())
                .seed(seed)
                .backend(backend)
                .build();
        Rng rng = new Rng(seed + 1);
        net.layers().forEach(layer -> Initializers.normal(0, 0.5).fill(layer.bias(), rng));
        return net;
    }

    private static DMatrixRMaj random(int rows, int cols, long seed) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        Initializers.normal(0, 1).fill(m, new Rng(seed));
        return m;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void gradients_onTheBlasBackend_matchCentralDifferences(long seed) {
        MatrixBackend backend = blas();
        // every product of these layers (9 · 30 · 70 and more multiply-adds) goes to the native BLAS
        Network net = network(new int[] {30, 70, 40}, backend, seed);
        DMatrixRMaj x = random(9, 30, seed + 10);
        DMatrixRMaj t = random(9, 40, seed + 20);
        Loss loss = TanhAndSquares.halfSumOfSquares();

        GradientCheckReport params = GradientCheck.defaults().check(net, loss, x, t);
        GradientCheckReport input = GradientCheck.defaults().checkInput(net, loss, x, t);

        assertThat(params.passed()).as("%s", params).isTrue();
        assertThat(input.passed()).as("%s", input).isTrue();
    }

    @Test
    void mnistSizedStep_givesTheSameGradientsAsTheDefaultBackendTo1e12() {
        MatrixBackend backend = blas();
        DMatrixRMaj x = random(100, 784, 5);
        DMatrixRMaj t = random(100, 10, 6);
        Loss loss = TanhAndSquares.halfSumOfSquares();
        Network reference = network(new int[] {784, 128, 10}, new EjmlBackend(1), 7);
        Network net = network(new int[] {784, 128, 10}, backend, 7);

        double expected = reference.computeGradients(x, t, loss, true);
        double actual = net.computeGradients(x, t, loss, true);

        // reference: bp's pure-Java backend on the same network and batch
        assertThat(actual).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
        for (int i = 0; i < net.parameters().size(); i++) {
            assertThat(net.parameters().get(i).gradient().data)
                    .containsExactly(reference.parameters().get(i).gradient().data, within(1e-12));
        }
        assertThat(net.inputGradient().data).containsExactly(reference.inputGradient().data, within(1e-12));
    }
}
