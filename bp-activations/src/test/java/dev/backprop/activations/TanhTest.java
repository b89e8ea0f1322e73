package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.activations.internal.TanhProvider;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class TanhTest extends ActivationContract {

    @Override
    protected ActivationProvider provider() {
        return new TanhProvider();
    }

    @Test
    void tanh_valueAndDerivative_matchNumpy() {
        // numpy: np.tanh(0.5) = 0.46211715726000974; 1 - np.tanh(0.5)**2 = 0.7864477329659274
        assertThat(Fixtures.forward(new Tanh(), 0.5)[0]).isCloseTo(0.46211715726000974, within(1e-16));
        assertThat(Fixtures.derivative(new Tanh(), 0.5)[0]).isCloseTo(0.7864477329659274, within(1e-15));
    }

    @Test
    void tanh_largeInputs_saturateAtPlusMinusOne() {
        // by hand: tanh(±1000) = ±1 to double precision, with derivative 0
        assertThat(Fixtures.forward(new Tanh(), 1000, -1000)).containsExactly(1.0, -1.0);
        assertThat(Fixtures.derivative(new Tanh(), 1000, -1000)).containsExactly(0.0, 0.0);
    }
}
