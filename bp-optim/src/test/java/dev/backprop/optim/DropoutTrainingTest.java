package dev.backprop.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.network.Network;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Training through bp-core's dropout with an optimizer of this module still reduces the loss. */
class DropoutTrainingTest {

    static final DMatrixRMaj X = new DMatrixRMaj(new double[][] {{0.05, 0.10}, {0.9, 0.2}, {0.3, 0.8}, {0.6, 0.6}});
    static final DMatrixRMaj T = new DMatrixRMaj(new double[][] {{0.01, 0.99}, {0.99, 0.01}, {0.2, 0.8}, {0.5, 0.5}});

    @Test
    void adam_withDropoutBetweenDenseLayers_reducesInferenceLoss() {
        TestSigmoid sigmoid = new TestSigmoid();
        Network net = Network.builder()
                .input(2)
                .dense(8, sigmoid, true)
                .dropout(0.25)
                .dense(2, sigmoid, true)
                .seed(3)
                .build();
        HalfSquaredError loss = new HalfSquaredError();
        double initial = loss.value(net.forward(X), T);
        // dropout is active while training: the training loss of step 0 differs from the inference loss
        assertThat(net.computeTrainingGradients(X, T, loss, 0)).isNotEqualTo(initial);

        Optimizer adam = Adam.adam(Config.of("lr", 0.05));
        adam.initialise(net.parameters());
        for (long step = 0; step < 300; step++) {
            net.computeTrainingGradients(X, T, loss, step);
            adam.step(net.parameters(), adam.learningRate());
        }
        assertThat(loss.value(net.forward(X), T)).isLessThan(initial / 4);
    }
}
