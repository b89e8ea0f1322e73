package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.activations.internal.IdentityProvider;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class IdentityTest extends ActivationContract {

    @Override
    protected ActivationProvider provider() {
        return new IdentityProvider();
    }

    @Test
    void identity_passesValuesAndGradientsThrough() {
        // by hand: f(z) = z, f'(z) = 1
        assertThat(Fixtures.forward(new Identity(), -2.5, 0, 7)).containsExactly(-2.5, 0, 7);
        assertThat(Fixtures.backward(new Identity(), new double[] {-2.5, 0, 7}, new double[] {0.3, -1, 2}))
                .containsExactly(0.3, -1, 2);
    }

    @Test
    void linear_isAnAliasOfIdentity() {
        assertThat(Registries.discover().activations().find("linear").name()).isEqualTo("identity");
    }
}
