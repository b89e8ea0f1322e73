package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.activations.internal.SoftmaxProvider;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.testkit.ActivationContract;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class SoftmaxTest extends ActivationContract {

    @Override
    protected ActivationProvider provider() {
        return new SoftmaxProvider();
    }

    @Test
    void softmax_largeLogits_staysFinite() {
        // by hand: equal logits share the probability; e^1000 would overflow without the max shift
        assertThat(Fixtures.forward(new Softmax(), 1000, 1000)).containsExactly(0.5, 0.5);
        // by hand: a gap of 2000 leaves e^-2000 = 0 for the smaller
        assertThat(Fixtures.forward(new Softmax(), -1000, 1000)).containsExactly(0.0, 1.0);
    }

    @Test
    void softmax_matchesScipy() {
        // scipy: scipy.special.softmax([0.5, -1, 2])
        assertThat(Fixtures.forward(new Softmax(), 0.5, -1, 2))
                .containsExactly(
                        new double[] {0.1752903921400367, 0.039112573270687456, 0.7855970345892759}, within(1e-16));
    }

    @Test
    void softmax_backward_isTheFullVectorJacobianProduct() {
        // numpy: s = softmax(z); (np.diag(s) - np.outer(s, s)).T @ g with z = [0.5, -1, 2], g = [1, -2, 0.5];
        // the diagonal alone, s (1 - s) g, would give [0.1446, -0.0752, 0.0842]
        double[] dz = Fixtures.backward(new Softmax(), new double[] {0.5, -1, 2}, new double[] {1, -2, 0.5});
        assertThat(dz)
                .containsExactly(
                        new double[] {0.08942198104727625, -0.09738497886019376, 0.007962997812917566}, within(1e-16));
    }

    @Test
    void softmax_rowsAreIndependent() {
        // by hand: each row sums to one on its own
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{1, 2}, {1000, -5}});
        DMatrixRMaj a = new DMatrixRMaj(2, 2);
        new Softmax().forward(z, a);
        assertThat(a.get(0, 0) + a.get(0, 1)).isCloseTo(1.0, within(1e-16));
        assertThat(a.get(1, 0)).isEqualTo(1.0);
    }
}
