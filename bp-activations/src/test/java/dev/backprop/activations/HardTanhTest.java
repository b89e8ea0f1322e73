package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.activations.internal.HardTanhProvider;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import dev.backprop.testkit.ActivationContract;
import dev.backprop.testkit.Conformance;
import java.util.List;
import org.junit.jupiter.api.Test;

class HardTanhTest extends ActivationContract {

    @Override
    protected ActivationProvider provider() {
        return new HardTanhProvider();
    }

    @Override
    protected List<Config> configs() {
        return List.of(Config.empty(), Config.of("min", -2, "max", 0.5));
    }

    @Override
    protected Conformance conformance() {
        return Conformance.defaults().withKinks(-2, -1, 0.5, 1);
    }

    @Test
    void hardTanh_clipsToTheBounds() {
        // by hand: clip(z, -1, 1) and its derivative 1 inside (-1, 1), 0 elsewhere
        assertThat(Fixtures.forward(new HardTanh(-1, 1), -3, -1, 0.25, 1, 2)).containsExactly(-1, -1, 0.25, 1, 1);
        assertThat(Fixtures.derivative(new HardTanh(-1, 1), -3, -1, 0.25, 1, 2)).containsExactly(0, 0, 1, 0, 0);
        // by hand: clip(z, -2, 0.5)
        assertThat(Fixtures.forward(new HardTanh(-2, 0.5), -3, 0, 2)).containsExactly(-2, 0, 0.5);
    }

    @Test
    void hardTanh_minNotBelowMax_isRefused() {
        assertThatThrownBy(() -> new HardTanhProvider().create(Config.of("min", 1, "max", -1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hard-tanh min must be < max, got min=1.0, max=-1.0");
    }
}
