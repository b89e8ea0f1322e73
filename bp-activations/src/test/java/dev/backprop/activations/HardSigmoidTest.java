package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.activations.internal.HardSigmoidProvider;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.testkit.ActivationContract;
import dev.backprop.testkit.Conformance;
import org.junit.jupiter.api.Test;

class HardSigmoidTest extends ActivationContract {

    @Override
    protected ActivationProvider provider() {
        return new HardSigmoidProvider();
    }

    @Override
    protected Conformance conformance() {
        return Conformance.defaults().withKinks(-3, 3);
    }

    @Test
    void hardSigmoid_followsPyTorchsRelu6Convention() {
        // by hand: relu6(z + 3) / 6 at -4, -3, 0, 1.5, 3, 4
        assertThat(Fixtures.forward(new HardSigmoid(), -4, -3, 0, 1.5, 3, 4)).containsExactly(0, 0, 0.5, 0.75, 1, 1);
        // by hand: 1/6 strictly inside (-3, 3), 0 elsewhere including the kinks
        assertThat(Fixtures.derivative(new HardSigmoid(), -4, -3, 0, 2.9, 3, 4))
                .containsExactly(0, 0, 1.0 / 6, 1.0 / 6, 0, 0);
    }
}
