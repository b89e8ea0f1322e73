package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.activations.internal.SigmoidProvider;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class SigmoidTest extends ActivationContract {

    @Override
    protected ActivationProvider provider() {
        return new SigmoidProvider();
    }

    @Test
    void sigmoid_matchesScipyExpit() {
        double[] z = {-3, -1, -0.5, 0, 0.5, 1, 3};
        // scipy: scipy.special.expit([-3, -1, -0.5, 0, 0.5, 1, 3])
        double[] expected = {
            0.04742587317756678,
            0.2689414213699951,
            0.3775406687981454,
            0.5,
            0.6224593312018546,
            0.7310585786300049,
            0.9525741268224334
        };
        double[] actual = Fixtures.forward(new Sigmoid(), z);
        for (int i = 0; i < z.length; i++) {
            assertThat(actual[i]).as("sigmoid(%s)", z[i]).isCloseTo(expected[i], within(1e-16));
        }
    }

    @Test
    void sigmoid_plusMinus1000_isFiniteAndExact() {
        // scipy: scipy.special.expit([1000, -1000]) == [1.0, 0.0]; the naive 1/(1+exp(1000)) would be 0 only by
        // luck and exp(1000) overflows
        assertThat(Fixtures.forward(new Sigmoid(), 1000, -1000)).containsExactly(1.0, 0.0);
        // by hand: σ'(±1000) = σ (1 − σ) = 0 to double precision
        assertThat(Fixtures.derivative(new Sigmoid(), 1000, -1000)).containsExactly(0.0, 0.0);
    }

    @Test
    void sigmoid_derivativeAtZero_isAQuarter() {
        // by hand: σ'(0) = ½ · ½
        assertThat(Fixtures.derivative(new Sigmoid(), 0)).containsExactly(0.25);
    }
}
