package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.activations.internal.LeakyReluProvider;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import dev.backprop.testkit.ActivationContract;
import dev.backprop.testkit.Conformance;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakyReluTest extends ActivationContract {

    @Override
    protected ActivationProvider provider() {
        return new LeakyReluProvider();
    }

    @Override
    protected List<Config> configs() {
        return List.of(Config.empty(), Config.of("alpha", 0.2), Config.of("alpha", 0));
    }

    @Override
    protected Conformance conformance() {
        return Conformance.defaults().withKinks(0);
    }

    @Test
    void leakyRelu_scalesNegativesByAlpha() {
        // by hand: z for z > 0, 0.2 z otherwise; derivative 1 or 0.2
        LeakyRelu f = new LeakyRelu(0.2);
        assertThat(Fixtures.forward(f, -2, 0, 3)).containsExactly(-0.4, 0, 3);
        assertThat(Fixtures.derivative(f, -2, 0, 3)).containsExactly(0.2, 0.2, 1);
    }

    @Test
    void leakyRelu_defaults_toAlpha0point01() {
        // PyTorch's default negative_slope is 0.01
        assertThat(new LeakyReluProvider().create(Config.empty()).config()).isEqualTo(Config.of("alpha", "0.01"));
    }

    @Test
    void leakyRelu_negativeAlpha_isRefusedNamingParameterAndValue() {
        assertThatThrownBy(() -> new LeakyReluProvider().create(Config.of("alpha", -1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leaky-relu alpha must be ≥ 0, got -1");
        assertThatThrownBy(() -> new LeakyReluProvider().create(Config.of("alpha", "NaN")))
                .hasMessageContaining("alpha")
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> new LeakyReluProvider().create(Config.of("alpha", "fast")))
                .hasMessage("Parameter 'alpha' must be a number, got 'fast'");
    }
}
