package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.activations.internal.LogSoftmaxProvider;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class LogSoftmaxTest extends ActivationContract {

    @Override
    protected ActivationProvider provider() {
        return new LogSoftmaxProvider();
    }

    @Test
    void logSoftmax_extremeLogits_areFiniteAndExact() {
        // scipy: scipy.special.log_softmax([-1e4, 1e4]) = [-20000, 0]; log(softmax) would give [-inf, 0]
        assertThat(Fixtures.forward(new LogSoftmax(), -1e4, 1e4)).containsExactly(-20000.0, 0.0);
    }

    @Test
    void logSoftmax_matchesScipy() {
        // scipy: scipy.special.log_softmax([0.5, -1, 2])
        assertThat(Fixtures.forward(new LogSoftmax(), 0.5, -1, 2))
                .containsExactly(
                        new double[] {-1.7413112966571571, -3.241311296657157, -0.24131129665715703}, within(1e-15));
    }

    @Test
    void logSoftmax_backward_isTheVectorJacobianProduct() {
        // numpy: (np.eye(3) - np.outer(np.ones(3), s)).T @ g with s = softmax([0.5, -1, 2]), g = [1, -2, 0.5]
        double[] dz = Fixtures.backward(new LogSoftmax(), new double[] {0.5, -1, 2}, new double[] {1, -2, 0.5});
        assertThat(dz)
                .containsExactly(
                        new double[] {1.0876451960700182, -1.9804437133646564, 0.892798517294638}, within(1e-15));
    }
}
