package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.activations.internal.GeluProvider;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import dev.backprop.testkit.ActivationContract;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeluTest extends ActivationContract {

    private static final double[] Z = {-3, -1, -0.5, 0, 0.5, 1, 3};

    @Override
    protected ActivationProvider provider() {
        return new GeluProvider();
    }

    @Override
    protected List<Config> configs() {
        return List.of(Config.empty(), Config.of("approximate", "tanh"));
    }

    @Test
    void gelu_exact_matchesScipy() {
        // scipy: z * scipy.stats.norm.cdf(z)
        double[] expected = {
            -0.00404969409489028,
            -0.15865525393145707,
            -0.15426876936299344,
            0,
            0.34573123063700656,
            0.8413447460685429,
            2.99595030590511
        };
        // scipy: norm.cdf(z) + z * norm.pdf(z)
        double[] derivative = {
            -0.01194564720418393,
            -0.08331547058768629,
            0.13250487534383715,
            0.5,
            0.8674951246561629,
            1.0833154705876864,
            1.011945647204184
        };
        double[] actual = Fixtures.forward(new Gelu(false), Z);
        double[] actualDerivative = Fixtures.derivative(new Gelu(false), Z);
        for (int i = 0; i < Z.length; i++) {
            assertThat(actual[i]).as("gelu(%s)", Z[i]).isCloseTo(expected[i], within(2e-16 * Math.max(1, Z[i])));
            assertThat(actualDerivative[i]).as("gelu'(%s)", Z[i]).isCloseTo(derivative[i], within(1e-15));
        }
    }

    @Test
    void gelu_exact_farInTheLeftTail_keepsRelativeAccuracy() {
        // scipy: -10 * norm.cdf(-10) = -7.61985302416047e-23
        assertThat(Fixtures.forward(new Gelu(false), -10)[0]).isCloseTo(-7.61985302416047e-23, within(1e-36));
    }

    @Test
    void gelu_tanh_matchesNumpy() {
        // numpy: 0.5 * z * (1 + np.tanh(np.sqrt(2 / np.pi) * (z + 0.044715 * z**3)))
        double[] expected = {
            -0.00363739208177299,
            -0.1588080093917233,
            -0.15428599017485606,
            0,
            0.34571400982514394,
            0.8411919906082768,
            2.996362607918227
        };
        double[] actual = Fixtures.forward(new Gelu(true), Z);
        for (int i = 0; i < Z.length; i++) {
            assertThat(actual[i]).as("gelu_tanh(%s)", Z[i]).isCloseTo(expected[i], within(1e-15));
        }
        // numpy: 0.5*(1+t) + 0.5*z*(1-t*t)*np.sqrt(2/np.pi)*(1+3*0.044715*z*z), t = tanh(u), at z = -3, -1, 0.5, 3
        double[] derivative = Fixtures.derivative(new Gelu(true), -3, -1, 0.5, 3);
        double[] expectedDerivative = {
            -0.011584166630969516, -0.08296408384578258, 0.8673699035346424, 1.0115841666309695
        };
        for (int i = 0; i < derivative.length; i++) {
            assertThat(derivative[i]).isCloseTo(expectedDerivative[i], within(1e-15));
        }
    }

    @Test
    void gelu_tanh_hugeInputs_giveFiniteDerivative() {
        // by hand: for z = ±1e200 the tanh saturates; f'(z) = 1 and 0, not ∞ · 0
        assertThat(Fixtures.derivative(new Gelu(true), 1e200, -1e200)).containsExactly(1.0, 0.0);
    }

    @Test
    void gelu_unknownApproximation_isRefusedNamingTheChoices() {
        assertThatThrownBy(() -> new GeluProvider().create(Config.of("approximate", "sigmoid")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gelu approximate must be 'none' or 'tanh', got 'sigmoid'");
    }
}
