package dev.backprop.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.init.Initializers;
import dev.backprop.core.internal.backend.EjmlBackend;
import dev.backprop.core.random.Rng;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.Parameter;
import dev.backprop.core.testing.TestActivations;
import dev.backprop.core.testing.TestLosses;
import java.lang.management.ManagementFactory;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class EngineTest {

    private static Network softmaxNet(long seed) {
        return Network.builder(WorkedExampleTest.emptyRegistries())
                .input(6)
                .dense(5, TestActivations.tanh(), true)
                .dense(4, TestActivations.softmax(), true)
                .initializer(Initializers.xavierNormal())
                .seed(seed)
                .build();
    }

    private static DMatrixRMaj randomMatrix(int rows, int cols, long seed) {
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
    void fusedSoftmaxCrossEntropy_isUsed_andEqualsUnfusedChainTo1e12() {
        DMatrixRMaj x = randomMatrix(9, 6, 1);
        DMatrixRMaj t = oneHot(9, 4, 2);
        Network fusedNet = softmaxNet(3);
        Network plainNet = softmaxNet(3);
        Loss fused = TestLosses.crossEntropy(true);
        Loss plain = TestLosses.crossEntropy(false);

        double lf = fusedNet.computeGradients(x, t, fused, true);
        double lp = plainNet.computeGradients(x, t, plain, true);

        assertThat(fusedNet.usesFusedGradient(fused)).isTrue();
        assertThat(plainNet.usesFusedGradient(plain)).isFalse();
        assertThat(lf).isEqualTo(lp);
        for (int i = 0; i < fusedNet.parameters().size(); i++) {
            assertThat(fusedNet.parameters().get(i).gradient().data)
                    .containsExactly(plainNet.parameters().get(i).gradient().data, within(1e-12));
        }
        assertThat(fusedNet.inputGradient().data).containsExactly(plainNet.inputGradient().data, within(1e-12));
    }

    @Test
    void changingBatchSize_reusesWorkspaces_andGivesTheSameResultsAsAFreshNetwork() {
        Network net = softmaxNet(5);
        Loss loss = TestLosses.crossEntropy(true);
        DMatrixRMaj big = randomMatrix(7, 6, 1);
        DMatrixRMaj tb = oneHot(7, 4, 1);
        DMatrixRMaj small = randomMatrix(3, 6, 2);
        DMatrixRMaj ts = oneHot(3, 4, 2);

        net.computeGradients(big, tb, loss, false);
        net.computeGradients(small, ts, loss, false);
        double[] afterSmall = net.layer(0).weightGradient().data.clone();
        net.computeGradients(big, tb, loss, false);

        Network fresh = softmaxNet(5);
        fresh.computeGradients(small, ts, loss, false);
        assertThat(afterSmall).containsExactly(fresh.layer(0).weightGradient().data);
        fresh.computeGradients(big, tb, loss, false);
        assertThat(net.layer(0).weightGradient().data)
                .containsExactly(fresh.layer(0).weightGradient().data);
        assertThat(net.layer(1).output().numRows).isEqualTo(7);
    }

    @Test
    void dropout_isInvertedSeededPerStep_andOffInInference() {
        Network net = Network.builder(WorkedExampleTest.emptyRegistries())
                .input(64)
                .dense(400, TestActivations.identity(), false)
                .dropout(0.25)
                .dense(1, TestActivations.identity(), false)
                .initializer(Initializers.constant(1))
                .seed(1)
                .build();
        DMatrixRMaj x = new DMatrixRMaj(1, 64);
        x.fill(1.0 / 64); // every hidden unit outputs 64 · 2⁻⁶ = 1, exactly

        net.forwardTraining(x, 17);
        DMatrixRMaj hidden = net.layer(0).output().copy();
        net.forwardTraining(x, 17);
        assertThat(net.layer(0).output().data).containsExactly(hidden.data);

        int kept = 0;
        for (double v : hidden.data) {
            // kept outputs are scaled by 1 / (1 − 0.25)
            assertThat(v)
                    .satisfiesAnyOf(
                            a -> assertThat(a).isZero(), a -> assertThat(a).isCloseTo(4.0 / 3, within(1e-15)));
            kept += v == 0 ? 0 : 1;
        }
        // 400 units kept with probability 0.75: mean 300, standard deviation √(400·0.75·0.25) ≈ 8.7
        assertThat(kept).isBetween(300 - 45, 300 + 45);

        net.forwardTraining(x, 18);
        assertThat(net.layer(0).output().data).isNotEqualTo(hidden.data);
        net.forward(x);
        assertThat(net.layer(0).output().data).containsOnly(1.0);
    }

    @Test
    void dropoutBackward_masksTheGradient() {
        Network net = Network.builder(WorkedExampleTest.emptyRegistries())
                .input(3)
                .dense(8, TestActivations.identity(), false)
                .dropout(0.5)
                .dense(1, TestActivations.identity(), false)
                .initializer(Initializers.constant(0.5))
                .seed(4)
                .build();
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2, 3}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{0}});

        net.computeTrainingGradients(x, t, TestLosses.halfSumOfSquares(), 3);
        DMatrixRMaj hidden = net.layer(0).output();
        DMatrixRMaj dW1 = net.layer(1).weightGradient();
        DMatrixRMaj dW0 = net.layer(0).weightGradient();
        for (int j = 0; j < 8; j++) {
            boolean dropped = hidden.get(0, j) == 0;
            // a dropped unit passes no gradient back: its column of dW0 is zero, and so is its row of dW1
            assertThat(dW0.get(0, j) == 0).isEqualTo(dropped);
            assertThat(dW1.get(j, 0) == 0).isEqualTo(dropped);
        }
    }

    @Test
    void steadyStateTrainingStep_allocatesNothing() {
        Network net = Network.builder(WorkedExampleTest.emptyRegistries())
                .input(20)
                .dense(16, TestActivations.tanh(), true)
                .dropout(0.1)
                .dense(5, TestActivations.softmax(), true)
                .seed(2)
                // the plain kernel, on two threads: the Vector API kernel's vectors are objects that only C2's
                // escape analysis removes, which the incubating API does not guarantee
                .backend(new EjmlBackend(2, false))
                .build();
        Loss loss = TestLosses.crossEntropy(true);
        DMatrixRMaj x = randomMatrix(32, 20, 1);
        DMatrixRMaj t = oneHot(32, 5, 1);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Runnable step = () -> {
            for (int s = 0; s < 200; s++) {
                net.computeTrainingGradients(x, t, loss, s);
                for (int k = 0; k < net.parameters().size(); k++) {
                    Parameter p = net.parameters().get(k);
                    for (int i = 0; i < p.size(); i++) {
                        p.value().data[i] -= 0.01 * p.gradient().data[i];
                    }
                }
            }
        };
        for (int warmUp = 0; warmUp < 20; warmUp++) {
            step.run(); // workspaces reach their size, classes load, code is compiled
        }

        long id = Thread.currentThread().getId();
        // Steady state: the fewest bytes of up to 50 rounds. Until the JIT has compiled the kernels (the Vector
        // API's vectors are objects in the interpreter), a round can allocate; a structural allocation per step
        // would show in every round.
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 50 && allocated >= 1024; round++) {
            long before = threads.getThreadAllocatedBytes(id);
            step.run();
            allocated = Math.min(allocated, threads.getThreadAllocatedBytes(id) - before);
        }

        // 200 steps; a single matrix per step would be over 200 · 16 bytes
        assertThat(allocated).isLessThan(1024);
    }
}
