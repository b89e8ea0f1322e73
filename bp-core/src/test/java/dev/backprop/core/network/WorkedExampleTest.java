package dev.backprop.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.testing.TestActivations;
import dev.backprop.core.testing.TestLosses;
import dev.backprop.core.testing.TestRegistries;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 004's 2-2-2 sigmoid network with the classic published weights (w1..w4 = 0.15, 0.20, 0.25, 0.30,
 * w5..w8 = 0.40, 0.45, 0.50, 0.55, biases 0.35 and 0.60), input [0.05, 0.10], target [0.01, 0.99], half squared
 * error.
 *
 * <p>Expected values were computed independently of the matrix engine, neuron by neuron with the scalar chain
 * rule of seed 004 in Python floats:
 * <pre>
 *   nh1 = w1*i1 + w2*i2 + b1;  h1 = s(nh1);  ...;  o1 = s(w5*h1 + w6*h2 + b2);  E = ½(t1−o1)² + ½(t2−o2)²
 *   d1 = (o1−t1) o1 (1−o1);  dw5 = d1*h1;  dh1 = (d1*w5 + d2*w7) h1 (1−h1);  dw1 = dh1*i1;  dx1 = dh1*w1 + dh2*w3
 * </pre>
 * They agree with the values published with the example (E = 0.298371109, ∂E/∂w5 = 0.082167041) to all the
 * digits published.
 */
class WorkedExampleTest {

    private static final double TOL = 1e-12;

    private Network net;
    private final Loss loss = TestLosses.halfSumOfSquares();
    private final DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.05, 0.10}});
    private final DMatrixRMaj t = new DMatrixRMaj(new double[][] {{0.01, 0.99}});

    @BeforeEach
    void buildNetwork() {
        net = Network.builder(emptyRegistries())
                .input(2)
                .dense(2, TestActivations.sigmoid(), true)
                .dense(2, TestActivations.sigmoid(), true)
                .build();
        // W0[i][j] connects input i to hidden j: [[w1, w3], [w2, w4]]
        net.layer(0).setWeights(new double[][] {{0.15, 0.25}, {0.20, 0.30}});
        net.layer(0).setBias(0.35, 0.35);
        net.layer(1).setWeights(new double[][] {{0.40, 0.50}, {0.45, 0.55}});
        net.layer(1).setBias(0.60, 0.60);
    }

    static Registries emptyRegistries() {
        return TestRegistries.none();
    }

    @Test
    void forward_classicWeights_givesPublishedOutputs() {
        DMatrixRMaj out = net.forward(x);

        assertThat(net.layer(0).preActivation().get(0, 0)).isCloseTo(0.3775, within(TOL));
        assertThat(net.layer(0).output().get(0, 0)).isCloseTo(0.5932699921071872, within(TOL));
        assertThat(net.layer(0).output().get(0, 1)).isCloseTo(0.596884378259767, within(TOL));
        assertThat(out.get(0, 0)).isCloseTo(0.7513650695523157, within(TOL));
        assertThat(out.get(0, 1)).isCloseTo(0.7729284653214625, within(TOL));
        assertThat(loss.value(out, t)).isCloseTo(0.2983711087600027, within(TOL));
    }

    @Test
    void backward_classicWeights_givesChainRuleGradients() {
        double e = net.computeGradients(x, t, loss, true);

        assertThat(e).isCloseTo(0.2983711087600027, within(TOL));
        DMatrixRMaj dW0 = net.layer(0).weightGradient();
        assertThat(dW0.get(0, 0)).as("dE/dw1").isCloseTo(0.0004385677344743465, within(TOL));
        assertThat(dW0.get(1, 0)).as("dE/dw2").isCloseTo(0.000877135468948693, within(TOL));
        assertThat(dW0.get(0, 1)).as("dE/dw3").isCloseTo(0.0004977127352608599, within(TOL));
        assertThat(dW0.get(1, 1)).as("dE/dw4").isCloseTo(0.0009954254705217198, within(TOL));
        DMatrixRMaj dW1 = net.layer(1).weightGradient();
        assertThat(dW1.get(0, 0)).as("dE/dw5").isCloseTo(0.08216704056423077, within(TOL));
        assertThat(dW1.get(1, 0)).as("dE/dw6").isCloseTo(0.08266762784753325, within(TOL));
        assertThat(dW1.get(0, 1)).as("dE/dw7").isCloseTo(-0.02260254047747507, within(TOL));
        assertThat(dW1.get(1, 1)).as("dE/dw8").isCloseTo(-0.022740242215978222, within(TOL));
        assertThat(net.layer(0).biasGradient().data)
                .containsExactly(new double[] {0.00877135468948693, 0.009954254705217196}, within(TOL));
        assertThat(net.layer(1).biasGradient().data)
                .containsExactly(new double[] {0.13849856162855695, -0.038098236516556236}, within(TOL));
        // for one sample the output layer's delta d1, d2 is its bias gradient
        assertThat(net.layer(1).delta().data)
                .containsExactly(new double[] {0.13849856162855695, -0.038098236516556236}, within(TOL));
        assertThat(net.inputGradient().data)
                .containsExactly(new double[] {0.0038042668797273384, 0.004740547349462545}, within(TOL));
    }

    @Test
    void backward_classicWeights_matchesPublishedDigits() {
        net.computeGradients(x, t, loss, false);

        // published with the example: w5+ = 0.35891648, w1+ = 0.149780716 after one step at lr 0.5
        assertThat(0.40 - 0.5 * net.layer(1).weightGradient().get(0, 0)).isCloseTo(0.35891648, within(5e-9));
        assertThat(0.15 - 0.5 * net.layer(0).weightGradient().get(0, 0)).isCloseTo(0.149780716, within(5e-10));
    }
}
