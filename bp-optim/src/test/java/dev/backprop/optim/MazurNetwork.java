package dev.backprop.optim;

import dev.backprop.core.network.Network;
import org.ejml.data.DMatrixRMaj;

/**
 * The 2-2-2 sigmoid network of seed 004 (input [0.05, 0.10], targets [0.01, 0.99]) with the fixed starting
 * weights of Matt Mazur's "A Step by Step Backpropagation Example" (2015): w1..w4 = 0.15, 0.20, 0.25, 0.30,
 * b1 = 0.35, w5..w8 = 0.40, 0.45, 0.50, 0.55, b2 = 0.60. W is in × out, so column j holds the weights into
 * unit j: W0 = [[w1, w3], [w2, w4]], W1 = [[w5, w7], [w6, w8]].
 */
final class MazurNetwork {

    static final DMatrixRMaj INPUT = new DMatrixRMaj(new double[][] {{0.05, 0.10}});
    static final DMatrixRMaj TARGET = new DMatrixRMaj(new double[][] {{0.01, 0.99}});

    private MazurNetwork() {}

    static Network build() {
        TestSigmoid sigmoid = new TestSigmoid();
        Network net = Network.builder()
                .input(2)
                .dense(2, sigmoid, true)
                .dense(2, sigmoid, true)
                .seed(1)
                .build();
        net.layer(0).setWeights(new double[][] {{0.15, 0.25}, {0.20, 0.30}});
        net.layer(0).setBias(0.35, 0.35);
        net.layer(1).setWeights(new double[][] {{0.40, 0.50}, {0.45, 0.55}});
        net.layer(1).setBias(0.60, 0.60);
        return net;
    }

    /** Fills the gradients and returns the loss. */
    static double gradients(Network net, HalfSquaredError loss) {
        return net.computeGradients(INPUT, TARGET, loss, false);
    }

    /** W0, b0, W1, b1 concatenated. */
    static double[] values(Network net) {
        return Quadratic.flatten(net.parameters());
    }
}
