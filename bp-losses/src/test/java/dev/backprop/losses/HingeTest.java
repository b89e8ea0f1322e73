package dev.backprop.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.internal.HingeProvider;
import dev.backprop.testkit.LossContract;
import dev.backprop.testkit.TargetGenerator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class HingeTest extends LossContract {

    @Override
    protected LossProvider provider() {
        return new HingeProvider();
    }

    @Override
    protected TargetGenerator targets() {
        return TargetGenerator.signs();
    }

    @Test
    void hinge_matchesNumpy() {
        DMatrixRMaj y = Fixtures.m(new double[][] {{0.5, -2}, {1.5, 0.2}});
        DMatrixRMaj t = Fixtures.m(new double[][] {{1, 1}, {-1, 1}});
        // numpy: np.mean(np.maximum(0, 1 - T * Y)) = 1.7
        assertThat(new Hinge().value(y, t)).isCloseTo(1.7, within(1e-15));
        // by hand: -t/4 where t y < 1 (every entry here)
        assertThat(Fixtures.gradient(new Hinge(), y, t).data).containsExactly(-0.25, -0.25, 0.25, -0.25);
        // by hand: the margin met (t y = 3 >= 1) gives 0
        assertThat(Fixtures.gradient(new Hinge(), Fixtures.m(new double[][] {{3}}), Fixtures.m(new double[][] {{1}}))
                        .data)
                .containsExactly(0.0);
    }

    @Test
    void hinge_zeroOneLabels_areRefusedWithTheFix() {
        DMatrixRMaj y = new DMatrixRMaj(1, 2);
        assertThatThrownBy(() -> new Hinge().validate(y, Fixtures.m(new double[][] {{1, 0}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hinge: targets must be -1 or 1, but targets[0,1] = 0.0;"
                        + " map 0/1 labels to -1/1 with 2t - 1");
    }
}
