package com.example.bp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.testkit.LossContract;
import dev.backprop.testkit.TargetGenerator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The conformance kit on the log-cosh loss, plus its values against numpy. */
class LogCoshLossProviderTest extends LossContract {

    @Override
    protected LossProvider provider() {
        return new LogCoshLossProvider();
    }

    @Override
    protected TargetGenerator targets() {
        return TargetGenerator.real();
    }

    @Test
    void valueAndGradient_matchNumpy() {
        Loss loss = provider().create(Config.empty());
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{0.5, -1.0}, {2.0, 0.0}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{0, 0}, {1, 3}});

        // numpy: d = [0.5, -1, 1, -3]; np.mean(np.log(np.cosh(d)))
        assertThat(loss.value(y, t)).isCloseTo(0.8242511681255292, within(1e-15));
        DMatrixRMaj g = new DMatrixRMaj(2, 2);
        loss.gradient(y, t, g);
        // numpy: np.tanh(d) / 4
        assertThat(g.data)
                .containsExactly(
                        new double[] {0.11552928931500243, -0.1903985389889412, 0.1903985389889412, -0.24876368842168262
                        },
                        within(1e-15));
    }

    @Test
    void largeErrors_stayFinite() {
        Loss loss = provider().create(Config.empty());
        // log cosh(800) = 800 − log 2 (cosh itself overflows); numpy: 800 - np.log(2)
        assertThat(loss.value(new DMatrixRMaj(new double[][] {{800}}), new DMatrixRMaj(1, 1)))
                .isCloseTo(799.3068528194401, within(1e-12));
    }
}
