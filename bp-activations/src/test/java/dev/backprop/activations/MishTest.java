package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.activations.internal.MishProvider;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class MishTest extends ActivationContract {

    @Override
    protected ActivationProvider provider() {
        return new MishProvider();
    }

    @Test
    void mish_matchesNumpy() {
        // numpy: z * np.tanh(np.log1p(np.exp(z))) and t + z*(1-t*t)*expit(z) at z = -3, -1, 0.5, 3
        double[] z = {-3, -1, 0.5, 3};
        double[] expected = {-0.1456474612756246, -0.30340146137410895, 0.3752452113048951, 2.986535004967957};
        double[] derivative = {-0.09339311453232081, 0.059216755877395, 0.8864243753577272, 1.021106910929444};
        assertThat(Fixtures.forward(new Mish(), z)).containsExactly(expected, within(1e-15));
        assertThat(Fixtures.derivative(new Mish(), z)).containsExactly(derivative, within(1e-15));
    }

    @Test
    void mish_extremes_areFinite() {
        // by hand: mish(z) → z for z → ∞ and → 0 for z → −∞, with derivatives 1 and 0
        assertThat(Fixtures.forward(new Mish(), 1e8, -1e8)).containsExactly(new double[] {1e8, 0}, within(1e-300));
        assertThat(Fixtures.derivative(new Mish(), 1e8, -1e8)).containsExactly(new double[] {1, 0}, within(1e-300));
    }
}
