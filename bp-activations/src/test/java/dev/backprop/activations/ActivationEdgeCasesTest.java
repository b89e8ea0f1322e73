package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.backprop.activations.internal.LeakyReluProvider;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.StandardActivation;
import java.util.List;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the contract tests leave open: every shape check, the documented value of a derivative at its kink, the
 * parameters' accessors and names, and erfc at the boundaries between its approximations.
 */
class ActivationEdgeCasesTest {

    /** One element-wise and the two row-wise activations: each has its own forward and backward checks. */
    private static final List<Activation> ALL =
            List.of(new LeakyRelu(0.1), new Softmax(), new LogSoftmax(), new Tanh(), new Gelu(false));

    @Test
    void forward_refusesAnOutputOfAnotherShape_namingBothShapes() {
        for (Activation f : ALL) {
            assertThatThrownBy(() -> f.forward(new DMatrixRMaj(2, 3), new DMatrixRMaj(3, 2)))
                    .as(f.name())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(f.name() + ": output A is 3x2 but Z is 2x3; both must have one shape");
        }
    }

    @Test
    void backward_refusesEachOfAGAndDzOfAnotherShape() {
        for (Activation f : ALL) {
            DMatrixRMaj z = new DMatrixRMaj(2, 3);
            DMatrixRMaj ok = new DMatrixRMaj(2, 3);
            DMatrixRMaj bad = new DMatrixRMaj(2, 2);
            assertThatThrownBy(() -> f.backward(z, bad, ok, ok))
                    .as(f.name())
                    .hasMessage(f.name() + ": output A is 2x2 but Z is 2x3; both must have one shape");
            assertThatThrownBy(() -> f.backward(z, ok, bad, ok))
                    .as(f.name())
                    .hasMessage(f.name() + ": gradient G is 2x2 but Z is 2x3; both must have one shape");
            assertThatThrownBy(() -> f.backward(z, ok, ok, bad))
                    .as(f.name())
                    .hasMessage(f.name() + ": gradient dZ is 2x2 but Z is 2x3; both must have one shape");
        }
    }

    @Test
    void derivativesAtZero_takeTheNegativeBranch_asDocumented() {
        // "1 for z > 0, else α e^z": at z = 0 the elu with α = 0.5 has slope 0.5 (not 1)
        assertThat(Fixtures.derivative(new Elu(0.5), 0)).containsExactly(0.5);
        // selu: "λ for z > 0, else λ α e^z" with λ = 1.0507009873554805, α = 1.6732632423543772 (Klambauer
        // et al. 2017), the negative slope at 0 is their product
        assertThat(Fixtures.derivative(new Selu(), 0)[0])
                .isCloseTo(1.0507009873554805 * 1.6732632423543772, withinPercentage(1e-12));
        // leaky relu "1 for z > 0, else α"
        assertThat(Fixtures.derivative(new LeakyRelu(0.25), 0)).containsExactly(0.25);
    }

    @Test
    void hardTanh_refusesEqualBounds() {
        assertThatThrownBy(() -> new HardTanh(1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hard-tanh min must be < max, got min=1.0, max=1.0");
        assertThat(new HardTanh(-2, 3).min()).isEqualTo(-2);
        assertThat(new HardTanh(-2, 3).max()).isEqualTo(3);
    }

    @Test
    void accessors_returnTheParameters() {
        assertThat(new Elu(0.5).alpha()).isEqualTo(0.5);
        assertThat(new LeakyRelu(0.25).alpha()).isEqualTo(0.25);
        assertThat(new Gelu(true).isTanhApproximation()).isTrue();
        assertThat(new Gelu(false).isTanhApproximation()).isFalse();
    }

    @Test
    void names_andStandardForms() {
        assertThat(new LeakyReluProvider().name()).isEqualTo("leaky-relu");
        assertThat(new LeakyRelu(0.25).toString()).isEqualTo("leaky-relu(alpha=0.25)");
        assertThat(new Softmax().toString()).isEqualTo("softmax");
        assertThat(new LogSoftmax().toString()).isEqualTo("log-softmax");
        assertThat(new Softmax().standardForm()).isEqualTo(Optional.of(StandardActivation.SOFTMAX));
        assertThat(new Sigmoid().standardForm()).isEqualTo(Optional.of(StandardActivation.SIGMOID));
        assertThat(new LogSoftmax().standardForm()).isEmpty();
    }

    @ParameterizedTest(name = "erfc({0})")
    @CsvSource({
        // x, erfc(x): src/test/python/erfc_reference.py (mpmath, 40 digits)
        "0.46875, 0.507386526782062",
        "-0.46875, 1.492613473217938",
        "3.9, 3.4792248597231745e-08",
        "4.0, 1.541725790028002e-08",
        "-4.0, 1.999999984582742",
        "4.5, 1.9661604415428876e-10"
    })
    void erfc_matchesTheReference_atTheBoundariesOfItsApproximations(double x, double expected) {
        // W. J. Cody's approximations are accurate to a few units in the last place
        assertThat(ErrorFunction.erfc(x)).isCloseTo(expected, withinPercentage(1e-13));
    }

    @Test
    void erfc_ofNaN_isNaN() {
        assertThat(ErrorFunction.erfc(Double.NaN)).isNaN();
    }
}
