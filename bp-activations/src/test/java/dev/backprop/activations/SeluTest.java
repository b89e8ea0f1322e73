package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.activations.internal.SeluProvider;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.testkit.ActivationContract;
import dev.backprop.testkit.Conformance;
import org.junit.jupiter.api.Test;

class SeluTest extends ActivationContract {

    @Override
    protected ActivationProvider provider() {
        return new SeluProvider();
    }

    @Override
    protected Conformance conformance() {
        return Conformance.defaults().withKinks(0);
    }

    @Test
    void selu_matchesNumpyWithKlambauersConstants() {
        double[] z = {-3, -1, -0.5, 0, 0.5, 1, 3};
        // numpy: l * np.where(z > 0, z, a * np.expm1(z)) with l = 1.0507009873554804934, a = 1.6732632423543772848
        double[] expected = {
            -1.6705687287671118,
            -1.1113307378125625,
            -0.6917581878028713,
            0,
            0.5253504936777402,
            1.0507009873554805,
            3.1521029620664414
        };
        double[] actual = Fixtures.forward(new Selu(), z);
        for (int i = 0; i < z.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-15));
        }
    }
}
