package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.activations.internal.SoftsignProvider;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class SoftsignTest extends ActivationContract {

    @Override
    protected ActivationProvider provider() {
        return new SoftsignProvider();
    }

    @Test
    void softsign_valuesAndDerivative_byHand() {
        // by hand: 3 / (1 + 3) = 0.75, -1 / 2 = -0.5; f'(3) = 1/16, f'(-1) = 1/4, f'(0) = 1
        assertThat(Fixtures.forward(new Softsign(), 3, -1, 0)).containsExactly(0.75, -0.5, 0);
        assertThat(Fixtures.derivative(new Softsign(), 3, -1, 0)).containsExactly(0.0625, 0.25, 1);
    }
}
