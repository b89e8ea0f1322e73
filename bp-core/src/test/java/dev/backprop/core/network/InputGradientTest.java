package dev.backprop.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.testing.TestActivations;
import dev.backprop.core.testing.TestLosses;
import dev.backprop.core.testing.TestRegistries;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * ∂L/∂X is computed afresh by every backward pass that asks for it: each test runs a first pass on one batch and
 * then a second on another, so that a dX left over from the first cannot pass for the second.
 */
class InputGradientTest {

    @Test
    void oneLayer_backward_computesDxForTheCurrentGradient() {
        // identity layer, W = [[1, 2], [3, 4], [5, 6]] (3 inputs, 2 outputs): dX = G Wᵀ
        Network net = Network.builder(TestRegistries.none())
                .input(3)
                .dense(2, TestActivations.identity(), false)
                .build();
        net.layer(0).setWeights(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        DMatrixRMaj x = new DMatrixRMaj(1, 3);
        net.forward(x);
        net.backward(new DMatrixRMaj(new double[][] {{1, 0}}), true);
        net.forward(x);

        net.backward(new DMatrixRMaj(new double[][] {{1, -1}}), true);

        // by hand: [1, −1] Wᵀ = [1 − 2, 3 − 4, 5 − 6]
        assertThat(net.inputGradient().data).containsExactly(-1, -1, -1);
    }

    @Test
    void twoLayers_backward_computesDxForTheCurrentGradient() {
        // identity layers W0 = [[1, 0], [0, 2]], W1 = [[1], [1]]: dX = G W1ᵀ W0ᵀ
        Network net = Network.builder(TestRegistries.none())
                .input(2)
                .dense(2, TestActivations.identity(), false)
                .dense(1, TestActivations.identity(), false)
                .build();
        net.layer(0).setWeights(new double[][] {{1, 0}, {0, 2}});
        net.layer(1).setWeights(new double[][] {{1}, {1}});
        DMatrixRMaj x = new DMatrixRMaj(1, 2);
        net.forward(x);
        net.backward(new DMatrixRMaj(new double[][] {{5}}), true);
        net.forward(x);

        net.backward(new DMatrixRMaj(new double[][] {{3}}), true);

        // by hand: 3 · [1, 1] · W0ᵀ = [3, 6]
        assertThat(net.inputGradient().data).containsExactly(3, 6);
    }

    @Test
    void computeGradients_withAFusedLoss_computesDxForTheCurrentBatch() {
        // softmax + cross-entropy fused: dZ = (P − T)/n. With W = 0 and no bias, P = [½, ½] whatever x, so
        // dZ = ([½, ½] − T)/1 and dX = dZ Wᵀ with W = [[1, −1]] (1 input): dX = ½ − t₀ − (½ − t₁) = t₁ − t₀
        Network net = Network.builder(TestRegistries.none())
                .input(1)
                .dense(2, TestActivations.softmax(), false)
                .build();
        net.layer(0).setWeights(new double[][] {{0, 0}});
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1}});
        net.computeGradients(x, new DMatrixRMaj(new double[][] {{1, 0}}), TestLosses.crossEntropy(true), true);
        net.layer(0).setWeights(new double[][] {{1, -1}});
        // with W = [[1, −1]] and x = 0, Z = 0 and P = [½, ½] again
        DMatrixRMaj zero = new DMatrixRMaj(new double[][] {{0}});

        net.computeGradients(zero, new DMatrixRMaj(new double[][] {{0, 1}}), TestLosses.crossEntropy(true), true);

        // t₁ − t₀ = 1
        assertThat(net.usesFusedGradient(TestLosses.crossEntropy(true))).isTrue();
        assertThat(net.inputGradient().get(0, 0)).isCloseTo(1.0, within(1e-15));
    }
}
