package dev.backprop.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.internal.HalfSseProvider;
import dev.backprop.testkit.LossContract;
import dev.backprop.testkit.TargetGenerator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class HalfSseTest extends LossContract {

    @Override
    protected LossProvider provider() {
        return new HalfSseProvider();
    }

    @Override
    protected TargetGenerator targets() {
        return TargetGenerator.real();
    }

    @Test
    void halfSse_ofTheTwoTwoTwoNetworksFirstForwardPass_isItsTotalError() {
        // the outputs and targets of the 2-2-2 worked example (seed 004); numpy:
        // 0.5 * ((0.75136507 - 0.01)**2 + (0.772928465 - 0.99)**2) = 0.2983711091616805
        DMatrixRMaj y = Fixtures.m(new double[][] {{0.75136507, 0.772928465}});
        DMatrixRMaj t = Fixtures.m(new double[][] {{0.01, 0.99}});
        assertThat(new HalfSse().value(y, t)).isCloseTo(0.2983711091616805, within(1e-16));
        // by hand: y - t
        assertThat(Fixtures.gradient(new HalfSse(), y, t).data)
                .containsExactly(new double[] {0.74136507, -0.217071535}, within(1e-16));
    }

    @Test
    void halfSse_sumsOverTheBatch() {
        // by hand: ½ (1² + 2² + 3²) = 7, not divided by the 3 rows
        DMatrixRMaj y = Fixtures.m(new double[][] {{1}, {2}, {3}});
        assertThat(new HalfSse().value(y, new DMatrixRMaj(3, 1))).isEqualTo(7.0);
    }
}
