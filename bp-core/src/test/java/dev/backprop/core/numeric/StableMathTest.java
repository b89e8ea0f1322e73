package dev.backprop.core.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** StableMath against high-precision references, including where the naive formulas overflow or underflow. */
class StableMathTest {

    @ParameterizedTest(name = "z = {0}")
    @CsvSource({
        // z, σ(z), softplus(z): src/test/python/stable_math_reference.py (mpmath, 50 digits)
        "-800, 0.0, 0.0",
        "-745, 5e-324, 5e-324",
        "-40, 4.248354255291589e-18, 4.248354255291589e-18",
        "-1, 0.2689414213699951, 0.3132616875182228",
        "0, 0.5, 0.6931471805599453",
        "0.5, 0.6224593312018546, 0.9740769841801067",
        "40, 1.0, 40.0",
        "800, 1.0, 800.0"
    })
    void sigmoidAndSoftplus_matchTheReference(double z, double sigmoid, double softplus) {
        // within 1e-13 relative, and exactly where the reference is 0 or the smallest subnormal
        assertThat(StableMath.sigmoid(z)).isCloseTo(sigmoid, withinPercentage(1e-11));
        assertThat(StableMath.softplus(z)).isCloseTo(softplus, withinPercentage(1e-11));
        assertThat(Double.isFinite(StableMath.sigmoid(z))).isTrue();
    }

    @Test
    void max_readsOnlyTheRange_andIsMinusInfinityWhenEmpty() {
        double[] x = {9, 1, 5, 3, 9};
        // by hand: max of x[1..3] = max(1, 5, 3) = 5; the 9s outside the range do not count
        assertThat(StableMath.max(x, 1, 4)).isEqualTo(5);
        assertThat(StableMath.max(x, 2, 2)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(StableMath.max(new double[] {-7, -3}, 0, 2)).isEqualTo(-3);
    }

    @Test
    void sumExpShifted_doesNotOverflow_andReadsOnlyTheRange() {
        // e^0 + e^-1 + e^-2 = 1.503214724408055 (stable_math_reference.py); e^1000 itself overflows
        double[] x = {5000, 1000, 999, 998, 5000};
        assertThat(StableMath.sumExpShifted(x, 1, 4, 1000)).isCloseTo(1.503214724408055, withinPercentage(1e-12));
        assertThat(StableMath.sumExpShifted(x, 2, 2, 1000)).isZero();
    }
}
