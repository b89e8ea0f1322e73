package dev.backprop.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.internal.MaeProvider;
import dev.backprop.testkit.LossContract;
import dev.backprop.testkit.TargetGenerator;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class MaeTest extends LossContract {

    private static final DMatrixRMaj Y = Fixtures.m(new double[][] {{0.5, -1, 2}, {1.5, 0, -0.5}});
    private static final DMatrixRMaj T = Fixtures.m(new double[][] {{1, 0, 1.5}, {-1, 0.5, 0}});

    @Override
    protected LossProvider provider() {
        return new MaeProvider();
    }

    @Override
    protected TargetGenerator targets() {
        return TargetGenerator.real();
    }

    @Override
    protected List<Config> configs() {
        return List.of(Config.empty(), Config.of("reduction", "sum"), Config.of("reduction", "none"));
    }

    @Test
    void mae_reductions_matchNumpy() {
        // numpy: np.mean(np.abs(Y - T)) = 0.9166666666666666, np.sum(np.abs(Y - T)) = 5.5
        assertThat(new Mae(Reduction.MEAN).value(Y, T)).isCloseTo(0.9166666666666666, within(1e-15));
        assertThat(new Mae(Reduction.SUM).value(Y, T)).isEqualTo(5.5);
        assertThat(new Mae(Reduction.NONE).value(Y, T)).isEqualTo(5.5);
        DMatrixRMaj out = new DMatrixRMaj(2, 3);
        new Mae(Reduction.NONE).perEntry(Y, T, out);
        // by hand: |Y - T|
        assertThat(out.data).containsExactly(0.5, 1, 0.5, 2.5, 0.5, 0.5);
    }

    @Test
    void mae_gradient_isTheSignOverAllEntries_andZeroWhereExact() {
        DMatrixRMaj y = Fixtures.m(new double[][] {{2, -1, 3}});
        DMatrixRMaj t = Fixtures.m(new double[][] {{1, 0, 3}});
        // by hand: sign(y - t) / 3, with sign(0) = 0 as in PyTorch
        assertThat(Fixtures.gradient(new Mae(Reduction.MEAN), y, t).data)
                .containsExactly(new double[] {1.0 / 3, -1.0 / 3, 0}, within(1e-16));
    }
}
