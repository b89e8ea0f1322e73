package dev.backprop.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.internal.MseProvider;
import dev.backprop.testkit.LossContract;
import dev.backprop.testkit.TargetGenerator;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class MseTest extends LossContract {

    private static final DMatrixRMaj Y = Fixtures.m(new double[][] {{0.5, -1, 2}, {1.5, 0, -0.5}});
    private static final DMatrixRMaj T = Fixtures.m(new double[][] {{1, 0, 1.5}, {-1, 0.5, 0}});

    @Override
    protected LossProvider provider() {
        return new MseProvider();
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
    void mse_reductions_matchNumpy() {
        // numpy: np.mean((Y - T)**2) = 1.375, np.sum((Y - T)**2) = 8.25
        assertThat(new Mse(Reduction.MEAN).value(Y, T)).isCloseTo(1.375, within(1e-15));
        assertThat(new Mse(Reduction.SUM).value(Y, T)).isCloseTo(8.25, within(1e-15));
        // none: value() is defined as the sum of the per-entry values
        assertThat(new Mse(Reduction.NONE).value(Y, T)).isCloseTo(8.25, within(1e-15));
    }

    @Test
    void mse_meanGradient_isTwoErrorsOverAllEntries() {
        // numpy: 2 * (Y - T) / 6
        assertThat(Fixtures.gradient(new Mse(Reduction.MEAN), Y, T).data)
                .containsExactly(
                        new double[] {
                            -0.16666666666666666,
                            -0.3333333333333333,
                            0.16666666666666666,
                            0.8333333333333334,
                            -0.16666666666666666,
                            -0.16666666666666666
                        },
                        within(1e-16));
        // by hand: the sum's gradient is 2 (Y - T)
        assertThat(Fixtures.gradient(new Mse(Reduction.SUM), Y, T).data).containsExactly(-1, -2, 1, 5, -1, -1);
    }

    @Test
    void mse_none_exposesThePerEntryLoss() {
        DMatrixRMaj out = new DMatrixRMaj(2, 3);
        new Mse(Reduction.NONE).perEntry(Y, T, out);
        // by hand: (Y - T)² entry by entry
        assertThat(out.data).containsExactly(0.25, 1, 0.25, 6.25, 0.25, 0.25);
    }

    @Test
    void mse_targetsOfAnotherShape_areRefusedNamingBothShapes() {
        assertThatThrownBy(() -> new Mse(Reduction.MEAN).validate(Y, new DMatrixRMaj(2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mse: targets are 2x2 but outputs are 2x3; targets must have the outputs' shape");
    }

    @Test
    void mse_unknownReduction_isRefusedNamingTheChoices() {
        assertThatThrownBy(() -> new MseProvider().create(Config.of("reduction", "average")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mse reduction must be mean, sum or none, got 'average'");
    }
}
