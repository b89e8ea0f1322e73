package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.activations.internal.ReluProvider;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.testkit.ActivationContract;
import dev.backprop.testkit.Conformance;
import org.junit.jupiter.api.Test;

class ReluTest extends ActivationContract {

    @Override
    protected ActivationProvider provider() {
        return new ReluProvider();
    }

    @Override
    protected Conformance conformance() {
        return Conformance.defaults().withKinks(0);
    }

    @Test
    void relu_clipsNegativesToZero() {
        // by hand: max(0, z)
        assertThat(Fixtures.forward(new Relu(), -2, -0.0, 0, 3.5)).containsExactly(0, 0, 0, 3.5);
    }

    @Test
    void relu_passesNaNThrough() {
        // by definition: NaN is not a number below zero, so max(0, NaN) stays NaN as in torch.relu
        assertThat(Fixtures.forward(new Relu(), Double.NaN, -1)[0]).isNaN();
    }

    @Test
    void relu_derivativeAtTheKink_isZeroAsInPyTorch() {
        // by hand: 1 for z > 0, 0 for z <= 0 (torch.relu's backward gives 0 at 0)
        assertThat(Fixtures.derivative(new Relu(), -1, 0, 1e-300, 2)).containsExactly(0, 0, 1, 1);
    }
}
