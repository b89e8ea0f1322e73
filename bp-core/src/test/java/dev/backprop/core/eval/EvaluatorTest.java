package dev.backprop.core.eval;

import static dev.backprop.core.testing.TestRegistries.none;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.network.Network;
import dev.backprop.core.testing.TestActivations;
import dev.backprop.core.testing.TestData;
import dev.backprop.core.testing.TestLosses;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static Network identityNet() {
        return Network.builder(none())
                .input(2)
                .dense(2, TestActivations.identity(), true)
                .seed(1)
                .build();
    }

    @Test
    void evaluate_emptyDataSet_isAnError_notNaN() {
        TestData empty = new TestData(new DMatrixRMaj(0, 2), new DMatrixRMaj(0, 2), 1, 1);

        assertThatThrownBy(() -> new Evaluator()
                        .evaluate(identityNet(), empty, TestLosses.meanSquaredError(), List.of(Metrics.accuracy())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty data set");
    }

    @Test
    void evaluate_oneSample_givesAFiniteLoss() {
        TestData one =
                new TestData(new DMatrixRMaj(new double[][] {{1, 2}}), new DMatrixRMaj(new double[][] {{0, 1}}), 1, 1);

        var result = new Evaluator().evaluate(identityNet(), one, TestLosses.meanSquaredError(), List.of());
        // a loss of real outputs against real targets is a finite number
        assertThat(result.get("loss")).isFinite();
    }
    /** The identity network with W = [[1, 2], [3, 4]] and b = [0.5, -10]. */
    private static Network handSetNet() {
        Network net = identityNet();
        net.layer(0).weights().setTo(new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}}));
        net.layer(0).bias().setTo(new DMatrixRMaj(new double[][] {{0.5, -10}}));
        return net;
    }

    @Test
    void predictOne_andPredictClass_forwardOneSample() {
        Network net = handSetNet();

        // by hand: [1, 1] W + b = [1 + 3 + 0.5, 2 + 4 - 10] = [4.5, -4]; the first column is larger
        assertThat(Evaluator.predictOne(net, 1, 1)).containsExactly(4.5, -4);
        assertThat(Evaluator.predictClass(net, 1, 1)).isZero();
        // by hand: [0, 20] W + b = [60 + 0.5, 80 - 10] = [60.5, 70]; the second column is larger
        assertThat(Evaluator.predictClass(net, 0, 20)).isEqualTo(1);
    }

    @Test
    void chunkOfOneRow_isAllowed_ofNone_isRefused() {
        Network net = handSetNet();
        TestData two = new TestData(
                new DMatrixRMaj(new double[][] {{1, 1}, {0, 20}}),
                new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}}),
                1,
                1);

        // the rows by hand as above: [4.5, -4] and [60.5, 70]
        assertThat(new Evaluator(1).predict(net, two).data).containsExactly(4.5, -4, 60.5, 70);
        assertThatThrownBy(() -> new Evaluator(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Evaluation chunk must be at least 1 row, got 0");
    }
}
