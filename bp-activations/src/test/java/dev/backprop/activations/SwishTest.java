package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.activations.internal.SwishProvider;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class SwishTest extends ActivationContract {

    @Override
    protected ActivationProvider provider() {
        return new SwishProvider();
    }

    @Test
    void swish_matchesNumpy() {
        // numpy: z * expit(z) and s + z*s*(1-s) at z = -3, -1, 0.5, 3
        double[] z = {-3, -1, 0.5, 3};
        double[] expected = {-0.14227761953270035, -0.2689414213699951, 0.3112296656009273, 2.8577223804673};
        double[] derivative = {-0.08810410601516963, 0.07232948812851325, 0.7399611873026518, 1.0881041060151695};
        assertThat(Fixtures.forward(new Swish(), z)).containsExactly(expected, within(1e-15));
        assertThat(Fixtures.derivative(new Swish(), z)).containsExactly(derivative, within(1e-15));
    }

    @Test
    void silu_isAnAliasOfSwish() {
        assertThat(Registries.discover().activations().find("SiLU").name()).isEqualTo("swish");
    }
}
