package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErrorFunctionTest {

    @Test
    void erfc_matchesScipyToAFewUlps_inEveryInterval() {
        double[] x = {-5, -1, -0.3, 0, 0.3, 0.46875, 1, 2.5, 4, 4.5, 10, 26};
        // scipy: scipy.special.erfc(x)
        double[] expected = {
            1.9999999999984626,
            1.8427007929497148,
            1.3286267594591274,
            1.0,
            0.67137324054087255,
            0.50738652678206198,
            0.15729920705028516,
            4.0695201744495886e-04,
            1.5417257900280020e-08,
            1.9661604415428878e-10,
            2.0884875837625446e-45,
            5.6631924088561454e-296
        };
        for (int i = 0; i < x.length; i++) {
            assertThat(ErrorFunction.erfc(x[i]))
                    .as("erfc(%s)", x[i])
                    .isCloseTo(expected[i], within(4e-16 * expected[i]));
        }
    }

    @Test
    void erfc_beyondTheUnderflow_isZeroOrTwo() {
        // by hand: erfc(30) < 1e-392 underflows; erfc(-30) = 2 - erfc(30)
        assertThat(ErrorFunction.erfc(30)).isZero();
        assertThat(ErrorFunction.erfc(-30)).isEqualTo(2.0);
    }

    @Test
    void normalCdf_atZeroAndOne_matchesScipy() {
        // scipy: scipy.stats.norm.cdf([0, 1]) = [0.5, 0.8413447460685429]
        assertThat(ErrorFunction.normalCdf(0)).isEqualTo(0.5);
        assertThat(ErrorFunction.normalCdf(1)).isCloseTo(0.8413447460685429, within(2e-16));
    }
}
