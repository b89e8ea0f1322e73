package dev.backprop.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.backend.MatrixBackends;
import dev.backprop.core.init.Initializers;
import dev.backprop.core.internal.backend.EjmlBackend;
import dev.backprop.core.random.Rng;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.MatrixBackend;
import dev.backprop.core.testing.CommonOpsBackend;
import dev.backprop.core.testing.TestActivations;
import dev.backprop.core.testing.TestLosses;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class NetworkBackendTest {

    private static Network network(int in, int hidden, int out, MatrixBackend backend) {
        return Network.builder(WorkedExampleTest.emptyRegistries())
                .input(in)
                .dense(hidden, TestActivations.tanh(), true)
                .dense(out, TestActivations.softmax(), true)
                .initializer(Initializers.xavierNormal())
                .seed(11)
                .backend(backend)
                .build();
    }

    private static DMatrixRMaj random(int rows, int cols, long seed) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        Initializers.normal(0, 1).fill(m, new Rng(seed));
        return m;
    }

    private static DMatrixRMaj oneHot(int rows, int classes, long seed) {
        Rng rng = new Rng(seed);
        DMatrixRMaj t = new DMatrixRMaj(rows, classes);
        for (int r = 0; r < rows; r++) {
            t.set(r, rng.nextInt(classes), 1);
        }
        return t;
    }

    @Test
    void everyProductOfAStep_goesThroughTheBackend_andCopyKeepsIt() {
        CommonOpsBackend backend = new CommonOpsBackend();
        Network net = network(4, 3, 2, backend);

        net.computeGradients(random(5, 4, 1), oneHot(5, 2, 2), TestLosses.crossEntropy(true), true);

        // by hand: forward X W for 2 layers, backward Xᵀ dZ for 2 layers and dZ Wᵀ for 2 (input gradient asked)
        assertThat(backend.calls()).isEqualTo(6);
        assertThat(net.backend()).isSameAs(backend);
        assertThat(net.copy().backend()).isSameAs(backend);
    }

    @Test
    void gradients_onTheDefaultBackend_equalEjmlCommonOpsTo1e12() {
        // 40 · 300 · 64 multiply-adds in the first layer: the default backend splits it between threads
        DMatrixRMaj x = random(40, 300, 3);
        DMatrixRMaj t = oneHot(40, 10, 4);
        Loss loss = TestLosses.crossEntropy(true);
        Network reference = network(300, 64, 10, new CommonOpsBackend());
        Network fast = network(300, 64, 10, new EjmlBackend(2));

        double expected = reference.computeGradients(x, t, loss, true);
        double actual = fast.computeGradients(x, t, loss, true);

        // reference: EJML's CommonOps_DDRM products, an implementation independent of bp's kernels
        assertThat(actual).isCloseTo(expected, within(1e-12));
        for (int i = 0; i < reference.parameters().size(); i++) {
            assertThat(fast.parameters().get(i).gradient().data)
                    .containsExactly(reference.parameters().get(i).gradient().data, within(1e-12));
        }
        assertThat(fast.inputGradient().data).containsExactly(reference.inputGradient().data, within(1e-12));
    }

    @Test
    void gradients_areBitIdentical_forOneAndTwoThreads_andFromRunToRun() {
        DMatrixRMaj x = random(64, 300, 5);
        DMatrixRMaj t = oneHot(64, 10, 6);
        Loss loss = TestLosses.crossEntropy(true);
        Network one = network(300, 64, 10, new EjmlBackend(1));
        Network two = network(300, 64, 10, new EjmlBackend(2));

        one.computeGradients(x, t, loss, true);
        two.computeGradients(x, t, loss, true);
        double[] first = two.layer(0).weightGradient().data.clone();
        two.computeGradients(x, t, loss, true);

        assertThat(two.layer(0).weightGradient().data).containsExactly(first);
        for (int i = 0; i < one.parameters().size(); i++) {
            assertThat(two.parameters().get(i).gradient().data)
                    .containsExactly(one.parameters().get(i).gradient().data);
        }
        assertThat(two.inputGradient().data).containsExactly(one.inputGradient().data);
    }

    @Test
    void backendByName_isFoundAtBuildTime_andAnUnknownNameListsTheInstalledOnes() {
        Network byName = Network.builder(WorkedExampleTest.emptyRegistries())
                .input(2)
                .dense(2, TestActivations.tanh(), true)
                .backend("EJML")
                .build();
        assertThat(byName.backend()).isInstanceOf(EjmlBackend.class);

        NetworkBuilder unknown = Network.builder(WorkedExampleTest.emptyRegistries())
                .input(2)
                .dense(2, TestActivations.tanh(), true)
                .backend("no-such-backend");
        assertThatThrownBy(unknown::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown matrix backend 'no-such-backend'")
                .hasMessageContaining("ejml");
    }

    @Test
    void withoutAChoice_theNetworkUsesTheJvmWideDefault() {
        Network net = Network.builder(WorkedExampleTest.emptyRegistries())
                .input(2)
                .dense(2, TestActivations.tanh(), true)
                .build();

        assertThat(net.backend()).isSameAs(MatrixBackends.defaultBackend());
    }
}
