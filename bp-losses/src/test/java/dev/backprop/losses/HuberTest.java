package dev.backprop.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.internal.HuberProvider;
import dev.backprop.testkit.LossContract;
import dev.backprop.testkit.TargetGenerator;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class HuberTest extends LossContract {

    private static final DMatrixRMaj Y = Fixtures.m(new double[][] {{0.5, -1, 2}, {1.5, 0, -0.5}});
    private static final DMatrixRMaj T = Fixtures.m(new double[][] {{1, 0, 1.5}, {-1, 0.5, 0}});

    @Override
    protected LossProvider provider() {
        return new HuberProvider();
    }

    @Override
    protected TargetGenerator targets() {
        return TargetGenerator.real();
    }

    @Override
    protected List<Config> configs() {
        return List.of(Config.empty(), Config.of("delta", 0.5));
    }

    @Test
    void huber_matchesNumpy() {
        // numpy: e = Y - T; np.where(|e| <= d, 0.5 e², d (|e| - 0.5 d)).mean(): 0.5 for d = 1, 0.33333 for d = 0.5
        assertThat(new Huber(1).value(Y, T)).isCloseTo(0.5, within(1e-16));
        assertThat(new Huber(0.5).value(Y, T)).isCloseTo(0.3333333333333333, within(1e-16));
        // numpy: np.where(|e| <= d, e, d sign(e)) / 6 for d = 0.5
        double sixth = 0.08333333333333333;
        assertThat(Fixtures.gradient(new Huber(0.5), Y, T).data)
                .containsExactly(new double[] {-sixth, -sixth, sixth, sixth, -sixth, -sixth}, within(1e-17));
    }

    @Test
    void huber_nonPositiveDelta_isRefused() {
        assertThatThrownBy(() -> new HuberProvider().create(Config.of("delta", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("huber delta must be > 0 and finite, got 0");
    }
}
