package dev.backprop.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.network.Network;
import dev.backprop.core.testing.TestActivations;
import dev.backprop.core.testing.TestData;
import dev.backprop.core.testing.TestLosses;
import dev.backprop.core.testing.TestRegistries;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Evaluation in several chunks, the last one short, against outputs and a loss worked out by hand. */
class EvaluatorChunksTest {

    /** y = (2x + 1, −x): W = [[2, −1]], b = [1, 0]. */
    private static Network affine() {
        Network net = Network.builder(TestRegistries.none())
                .input(1)
                .dense(2, TestActivations.identity(), true)
                .build();
        net.layer(0).setWeights(new double[][] {{2, -1}});
        net.layer(0).setBias(1, 0);
        return net;
    }

    private static TestData data() {
        // x = 0 … 6, targets (2x + 1, 0)
        DMatrixRMaj x = new DMatrixRMaj(7, 1);
        DMatrixRMaj t = new DMatrixRMaj(7, 2);
        for (int i = 0; i < 7; i++) {
            x.set(i, 0, i);
            t.set(i, 0, 2 * i + 1);
        }
        return new TestData(x, t, 7, 1);
    }

    @Test
    void predict_inChunksOfThree_givesEveryRowInOrder() {
        DMatrixRMaj out = new Evaluator(3).predict(affine(), data());

        // chunks [0, 3), [3, 6), [6, 7); row i is (2i + 1, −i) by the weights above
        assertThat(out.numRows).isEqualTo(7);
        for (int i = 0; i < 7; i++) {
            assertThat(out.get(i, 0)).as("row %d", i).isEqualTo(2 * i + 1);
            assertThat(out.get(i, 1)).as("row %d", i).isEqualTo(-i);
        }
    }

    @Test
    void evaluate_inSeveralChunks_equalsOnePass_andTheHandValue() {
        // half-sse: ½ Σ (−i − 0)² = ½ (0 + 1 + 4 + 9 + 16 + 25 + 36) = 45.5; the first column matches its target
        Map<String, Double> chunked =
                new Evaluator(2).evaluate(affine(), data(), TestLosses.halfSumOfSquares(), List.of());
        Map<String, Double> whole =
                new Evaluator(100).evaluate(affine(), data(), TestLosses.halfSumOfSquares(), List.of());

        assertThat(chunked.get("loss")).isCloseTo(45.5, within(1e-12));
        assertThat(whole.get("loss")).isCloseTo(45.5, within(1e-12));
    }

    @Test
    void lastTargets_areTheDataSetsTargetsInOrder_acrossChunks() {
        Evaluator evaluator = new Evaluator(4);
        evaluator.predict(affine(), data());

        for (int i = 0; i < 7; i++) {
            assertThat(evaluator.lastTargets().get(i, 0)).isEqualTo(2 * i + 1);
        }
    }
}
