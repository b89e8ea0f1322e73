package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.activations.internal.SoftplusProvider;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class SoftplusTest extends ActivationContract {

    @Override
    protected ActivationProvider provider() {
        return new SoftplusProvider();
    }

    @Test
    void softplus_matchesNumpyLogaddexp() {
        double[] z = {-3, -1, 0, 3, 1000, -40};
        // numpy: np.logaddexp(0, z)
        double[] expected = {
            0.04858735157374206, 0.31326168751822286, 0.6931471805599453, 3.048587351573742, 1000, 4.248354255291589e-18
        };
        double[] actual = Fixtures.forward(new Softplus(), z);
        for (int i = 0; i < z.length; i++) {
            assertThat(actual[i])
                    .as("softplus(%s)", z[i])
                    .isCloseTo(expected[i], within(4e-16 * Math.max(1, Math.abs(expected[i]))));
        }
        assertThat(actual[5]).isCloseTo(4.248354255291589e-18, within(1e-32));
    }

    @Test
    void softplus_derivative_isTheSigmoid() {
        // scipy: scipy.special.expit([-3, 0.5])
        assertThat(Fixtures.derivative(new Softplus(), -3, 0.5))
                .containsExactly(new double[] {0.04742587317756678, 0.6224593312018546}, within(1e-16));
    }
}
