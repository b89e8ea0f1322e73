package dev.backprop.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.internal.BinaryCrossEntropyWithLogitsProvider;
import dev.backprop.testkit.LossContract;
import dev.backprop.testkit.TargetGenerator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class BinaryCrossEntropyWithLogitsTest extends LossContract {

    @Override
    protected LossProvider provider() {
        return new BinaryCrossEntropyWithLogitsProvider();
    }

    @Override
    protected TargetGenerator targets() {
        return TargetGenerator.probabilities();
    }

    @Test
    void bceWithLogits_matchesNumpy() {
        DMatrixRMaj z = Fixtures.m(new double[][] {{2, -1}, {0.5, 3}});
        DMatrixRMaj t = Fixtures.m(new double[][] {{1, 0}, {0.3, 1}});
        // numpy: np.sum(np.logaddexp(0, Z) - Z * T) / 2
        assertThat(new BinaryCrossEntropyWithLogits().value(z, t)).isCloseTo(0.6564270171575222, within(1e-15));
        // numpy: (expit(Z) - T) / 2
        assertThat(Fixtures.gradient(new BinaryCrossEntropyWithLogits(), z, t).data)
                .containsExactly(
                        new double[] {
                            -0.05960146101105884, 0.13447071068499755, 0.1612296656009273, -0.023712936588783318
                        },
                        within(1e-16));
    }

    @Test
    void bceWithLogits_extremeLogits_giveExactFiniteLosses() {
        // by hand: z = 1000 with t = 0 and z = -1000 with t = 1 each cost 1000 (max(z,0) - z t + log1p(e^-1000))
        DMatrixRMaj z = Fixtures.m(new double[][] {{1000, -1000}});
        DMatrixRMaj t = Fixtures.m(new double[][] {{0, 1}});
        assertThat(new BinaryCrossEntropyWithLogits().value(z, t)).isEqualTo(2000.0);
        // by hand: (σ(z) - t) / 1 = 1 and -1
        assertThat(Fixtures.gradient(new BinaryCrossEntropyWithLogits(), z, t).data)
                .containsExactly(1.0, -1.0);
    }
}
