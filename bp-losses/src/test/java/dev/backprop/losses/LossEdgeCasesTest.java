package dev.backprop.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.spi.BatchReduction;
import dev.backprop.core.spi.Loss;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * What the contract tests leave open: every shape and range check of every built-in loss with its message, the
 * documented gradient exactly at each clamp and margin, and the reductions' accessors.
 */
class LossEdgeCasesTest {

    private static final List<Loss> ALL = List.of(
            new Mse(Reduction.MEAN),
            new Mae(Reduction.MEAN),
            new HalfSse(),
            new Huber(1),
            new Hinge(),
            new BinaryCrossEntropy(),
            new BinaryCrossEntropyWithLogits(),
            new CategoricalCrossEntropy(),
            new KlDivergence(),
            new SoftmaxCrossEntropy());

    @Test
    void valueAndGradient_refuseTargetsOfAnotherShape_namingBothShapes() {
        DMatrixRMaj y = filled(2, 3, 0.5);
        DMatrixRMaj t = filled(3, 2, 0.5);
        for (Loss loss : ALL) {
            String message =
                    loss.name() + ": targets are 3x2 but outputs are 2x3; targets must have the outputs' shape";
            assertThatThrownBy(() -> loss.value(y, t)).as(loss.name()).hasMessageStartingWith(loss.name() + ":");
            assertThatThrownBy(() -> loss.gradient(y, t, new DMatrixRMaj(2, 3)))
                    .as(loss.name())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(loss.name() + ":");
            if (!(loss instanceof SoftmaxCrossEntropy)) {
                // softmax cross-entropy also takes class indices, n×1, and says so in its own message
                assertThatThrownBy(() -> loss.value(y, t)).as(loss.name()).hasMessage(message);
                assertThatThrownBy(() -> loss.gradient(y, t, new DMatrixRMaj(2, 3)))
                        .as(loss.name())
                        .hasMessage(message);
                assertThatThrownBy(() -> loss.validate(y, t)).as(loss.name()).hasMessage(message);
            }
        }
    }

    @Test
    void gradient_refusesAGradientMatrixOfAnotherShape() {
        DMatrixRMaj y = filled(2, 3, 0.5);
        DMatrixRMaj t = filled(2, 3, 0.5);
        for (Loss loss : ALL) {
            assertThatThrownBy(() -> loss.gradient(y, t, new DMatrixRMaj(3, 2)))
                    .as(loss.name())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(loss.name()
                            + ": the gradient matrix is 3x2 but outputs are 2x3; shape it like the outputs");
        }
    }

    @Test
    void perEntry_refusesMismatchedShapes() {
        DMatrixRMaj y = filled(2, 3, 0.5);
        assertThatThrownBy(() -> new Mse(Reduction.MEAN).perEntry(y, filled(3, 2, 0), new DMatrixRMaj(2, 3)))
                .hasMessage("mse: targets are 3x2 but outputs are 2x3; targets must have the outputs' shape");
        assertThatThrownBy(() -> new Mse(Reduction.MEAN).perEntry(y, filled(2, 3, 0), new DMatrixRMaj(3, 2)))
                .hasMessage("mse: the gradient matrix is 3x2 but outputs are 2x3; shape it like the outputs");
        assertThatThrownBy(() -> new Mae(Reduction.MEAN).perEntry(y, filled(3, 2, 0), new DMatrixRMaj(2, 3)))
                .hasMessage("mae: targets are 3x2 but outputs are 2x3; targets must have the outputs' shape");
        assertThatThrownBy(() -> new Mae(Reduction.MEAN).perEntry(y, filled(2, 3, 0), new DMatrixRMaj(3, 2)))
                .hasMessage("mae: the gradient matrix is 3x2 but outputs are 2x3; shape it like the outputs");
    }

    @Test
    void validate_refusesOutputsOutsideTheUnitInterval_namingTheEntry() {
        // entry (1, 2) of a 2×3 matrix is the sixth, index 5: row 5 / 3 = 1, column 5 % 3 = 2
        DMatrixRMaj bad = filled(2, 3, 0.5);
        bad.set(1, 2, 1.5);
        DMatrixRMaj ok = filled(2, 3, 0.5);
        for (Loss loss : List.of(new BinaryCrossEntropy(), new CategoricalCrossEntropy(), new KlDivergence())) {
            assertThatThrownBy(() -> loss.validate(bad, ok))
                    .as(loss.name())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(loss.name() + ": outputs must be in [0, 1], but outputs[1,2] = 1.5");
        }
    }

    @Test
    void validate_refusesTargetsOutsideTheirRange() {
        DMatrixRMaj ok = filled(2, 3, 0.5);
        DMatrixRMaj above = filled(2, 3, 0.5);
        above.set(0, 1, 2.0);
        DMatrixRMaj negative = filled(2, 3, 0.5);
        negative.set(1, 0, -0.5);
        for (Loss loss : List.of(new BinaryCrossEntropy(), new BinaryCrossEntropyWithLogits())) {
            assertThatThrownBy(() -> loss.validate(ok, above))
                    .as(loss.name())
                    .hasMessage(loss.name() + ": targets must be in [0, 1], but targets[0,1] = 2.0");
        }
        for (Loss loss : List.of(new CategoricalCrossEntropy(), new KlDivergence(), new SoftmaxCrossEntropy())) {
            assertThatThrownBy(() -> loss.validate(ok, negative))
                    .as(loss.name())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(loss.name() + ": targets must be in [0, ")
                    .hasMessageContaining("but targets[1,0] = -0.5");
        }
    }

    @Test
    void binaryCrossEntropy_gradientAtTheClampEdges_isTheUnclampedFormula() {
        // ∂L/∂p = (p − t) / (n p (1 − p)) inside [ε, 1 − ε], ε = 1e-12, n = 1, by the documented formula:
        // p = ε, t = 0: ε / (ε (1 − ε)) = 1 / (1 − ε) ≈ 1; p = 1 − ε, t = 1: −ε / ((1 − ε) ε) ≈ −1
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{1e-12, 1 - 1e-12}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{0, 1}});
        DMatrixRMaj g = new DMatrixRMaj(1, 2);

        new BinaryCrossEntropy().gradient(y, t, g);

        assertThat(g.data[0]).isCloseTo(1, within(1e-6));
        assertThat(g.data[1]).isCloseTo(-1, within(1e-3));
    }

    @Test
    void categoricalCrossEntropy_gradientAtTheFloor_isTheUnclampedFormula() {
        // ∂L/∂p = −t / (n p) for p ≥ ε = 1e-12: p = ε, t = 1, n = 1 gives −1e12
        DMatrixRMaj g = new DMatrixRMaj(1, 2);
        new CategoricalCrossEntropy()
                .gradient(
                        new DMatrixRMaj(new double[][] {{1e-12, 1 - 1e-12}}),
                        new DMatrixRMaj(new double[][] {{1, 0}}),
                        g);

        assertThat(g.data[0]).isCloseTo(-1e12, within(1.0));
        assertThat(g.data[1]).isZero();
    }

    @Test
    void hinge_gradientIsZeroExactlyOnTheMargin() {
        // ∂L/∂y = −t/(n k) where t·y < 1, else 0: t·y = 1 is outside; t·y = 0.5 inside gives −1/2 (n k = 2)
        DMatrixRMaj g = new DMatrixRMaj(1, 2);
        new Hinge().gradient(new DMatrixRMaj(new double[][] {{1, 0.5}}), new DMatrixRMaj(new double[][] {{1, 1}}), g);

        assertThat(g.data).containsExactly(0, -0.5);
    }

    @Test
    void huber_refusesAZeroDelta() {
        assertThatThrownBy(() -> new Huber(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("huber delta must be > 0 and finite, got 0.0");
        assertThat(new Huber(0.5).delta()).isEqualTo(0.5);
    }

    @Test
    void reductions_andTheirBatchReductions() {
        assertThat(new Mse(Reduction.SUM).reduction()).isEqualTo(Reduction.SUM);
        assertThat(new Mae(Reduction.NONE).reduction()).isEqualTo(Reduction.NONE);
        // MEAN for mean; SUM for sum and none, whose value is the sum
        assertThat(new Mse(Reduction.MEAN).batchReduction()).isEqualTo(BatchReduction.MEAN);
        assertThat(new Mse(Reduction.SUM).batchReduction()).isEqualTo(BatchReduction.SUM);
        assertThat(new Mse(Reduction.NONE).batchReduction()).isEqualTo(BatchReduction.SUM);
        assertThat(new Mae(Reduction.MEAN).batchReduction()).isEqualTo(BatchReduction.MEAN);
        assertThat(new Mae(Reduction.SUM).batchReduction()).isEqualTo(BatchReduction.SUM);
        // ½ Σ (y − t)² is a sum
        assertThat(new HalfSse().batchReduction()).isEqualTo(BatchReduction.SUM);
        assertThat(new Mse(Reduction.MEAN).toString()).isEqualTo("mse(reduction=mean)");
    }

    private static DMatrixRMaj filled(int rows, int cols, double value) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        m.fill(value);
        return m;
    }
}
