package dev.backprop.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.internal.KlDivergenceProvider;
import dev.backprop.testkit.LossContract;
import dev.backprop.testkit.OutputDomain;
import dev.backprop.testkit.TargetGenerator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class KlDivergenceTest extends LossContract {

    @Override
    protected LossProvider provider() {
        return new KlDivergenceProvider();
    }

    @Override
    protected OutputDomain outputs() {
        return OutputDomain.probabilityRows();
    }

    @Override
    protected TargetGenerator targets() {
        return TargetGenerator.probabilityRows();
    }

    @Test
    void kl_matchesScipyRelEntr_withZeroTargetsContributingNothing() {
        DMatrixRMaj p = Fixtures.m(new double[][] {{0.2, 0.5, 0.3}, {0.1, 0.6, 0.3}});
        DMatrixRMaj t = Fixtures.m(new double[][] {{0.25, 0.25, 0.5}, {0, 0.5, 0.5}});
        // scipy: np.sum(scipy.special.rel_entr(T, P)) / 2
        assertThat(new KlDivergence().value(p, t)).isCloseTo(0.15108196902878976, within(1e-16));
        // by hand: identical distributions diverge by 0
        assertThat(new KlDivergence().value(t, t)).isZero();
    }

    @Test
    void kl_declaresTheSoftmaxFusedGradient() {
        assertThat(new KlDivergence().fusedWith(Fixtures.activation("softmax"))).isPresent();
    }
}
