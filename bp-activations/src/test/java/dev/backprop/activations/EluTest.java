package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.activations.internal.EluProvider;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import dev.backprop.testkit.ActivationContract;
import dev.backprop.testkit.Conformance;
import java.util.List;
import org.junit.jupiter.api.Test;

class EluTest extends ActivationContract {

    @Override
    protected ActivationProvider provider() {
        return new EluProvider();
    }

    @Override
    protected List<Config> configs() {
        return List.of(Config.empty(), Config.of("alpha", 0.5));
    }

    @Override
    protected Conformance conformance() {
        return Conformance.defaults().withKinks(0);
    }

    @Test
    void elu_matchesNumpy() {
        double[] z = {-3, -1, -0.5, 0, 0.5};
        // numpy: np.where(z > 0, z, 0.5 * np.expm1(z))
        double[] expected = {-0.475106465816068, -0.31606027941427883, -0.1967346701436833, 0, 0.5};
        double[] actual = Fixtures.forward(new Elu(0.5), z);
        for (int i = 0; i < z.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-16));
        }
        // by hand: f'(z) = 0.5 e^z for z <= 0: 0.5 e^-1 = 0.18393972058572117 (numpy: 0.5 * np.exp(-1))
        assertThat(Fixtures.derivative(new Elu(0.5), -1, 2)).containsExactly(0.18393972058572117, 1.0);
    }

    @Test
    void elu_negativeAlpha_isRefused() {
        assertThatThrownBy(() -> new EluProvider().create(Config.of("alpha", -0.5)))
                .hasMessage("elu alpha must be ≥ 0, got -0.5");
    }
}
