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
}
