package dev.backprop.core.gradcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.network.Network;
import dev.backprop.core.testing.TestActivations;
import dev.backprop.core.testing.TestLosses;
import dev.backprop.core.testing.TestRegistries;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class GradientCheckTest {

    @Test
    void correctGradient_passes_withTinyErrors() {
        // f(x) = x0² + 3·x0·x1, ∇f = (2·x0 + 3·x1, 3·x0) by hand
        DMatrixRMaj point = new DMatrixRMaj(new double[][] {{1.5, -2.0}});
        DMatrixRMaj analytic = new DMatrixRMaj(new double[][] {{2 * 1.5 + 3 * -2.0, 3 * 1.5}});

        GradientCheckReport report = GradientCheck.defaults()
                .check("f", point, p -> p.data[0] * p.data[0] + 3 * p.data[0] * p.data[1], analytic);

        assertThat(report.passed()).isTrue();
        assertThat(report.maxRelativeError()).isLessThan(1e-8);
        assertThat(point.data).containsExactly(1.5, -2.0);
    }

    @Test
    void wrongGradient_fails_andTheReportNamesTheWorstEntry() {
        DMatrixRMaj point = new DMatrixRMaj(new double[][] {{1.5, -2.0}});
        // the second entry is off by 1%
        DMatrixRMaj analytic = new DMatrixRMaj(new double[][] {{2 * 1.5 + 3 * -2.0, 4.5 * 1.01}});

        GradientCheckReport report = GradientCheck.defaults()
                .check("f", point, p -> p.data[0] * p.data[0] + 3 * p.data[0] * p.data[1], analytic);

        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).hasSize(1);
        GradientEntry worst = report.worst(1).get(0);
        assertThat(worst.row()).isZero();
        assertThat(worst.column()).isEqualTo(1);
        assertThat(worst.relativeError()).isCloseTo(0.01 / 1.01, within(1e-6));
        assertThat(report.toString()).contains("FAILED").contains("f[0,1]");
    }

    @Test
    void networkWithAWrongDerivative_isCaught() {
        // sigmoid whose derivative forgets the (1 − a) factor
        Network net = Network.builder(TestRegistries.none())
                .input(3)
                .dense(4, TestActivations.elementWise("bad-sigmoid", z -> 1 / (1 + Math.exp(-z)), (z, a) -> a), true)
                .dense(2, TestActivations.identity(), true)
                .seed(3)
                .build();
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.5, -1, 2}, {1, 0.3, -0.7}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}});

        GradientCheckReport report = GradientCheck.defaults().check(net, TestLosses.halfSumOfSquares(), x, t);

        assertThat(report.passed()).isFalse();
        assertThat(report.worst(1).get(0).parameter()).startsWith("layer0.");
        // the output layer's gradients do not involve the wrong derivative
        assertThat(report.failures()).noneMatch(e -> e.parameter().startsWith("layer1."));
    }

    @Test
    void sampling_limitsEntriesPerParameter() {
        Network net = Network.builder(TestRegistries.none())
                .input(30)
                .dense(20, TestActivations.tanh(), true)
                .dense(3, TestActivations.identity(), true)
                .build();
        DMatrixRMaj x = new DMatrixRMaj(2, 30);
        x.fill(0.1);
        DMatrixRMaj t = new DMatrixRMaj(2, 3);

        GradientCheckReport report =
                GradientCheck.defaults().sampling(5, 1).check(net, TestLosses.meanSquaredError(), x, t);

        // W0 (600), b0 (20), W1 (60), b1 (3): at most 5 entries each, and b1 has only 3
        assertThat(report.entries()).hasSize(5 + 5 + 5 + 3);
        assertThat(report.passed()).isTrue();
    }
}
