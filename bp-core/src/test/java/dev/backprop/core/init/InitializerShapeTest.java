package dev.backprop.core.init;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.random.Rng;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Each initialiser's distribution, not only its spread: the Kolmogorov–Smirnov statistic
 * {@code D = sup |F_n(x) − F(x)|} of 40,000 draws (fanIn = 400, fanOut = 100) against the defined distribution
 * must stay below the critical value at α = 0.001, {@code c/√n} with {@code c = √(−ln(α/2)/2) = 1.9495}, that is
 * 0.00975; against the other family with the same variance (uniform for a normal initialiser and vice versa) it
 * must exceed twice that. The two CDFs of equal variance differ by up to 0.0572 (numpy, on a grid of step 4e-5),
 * so the test tells uniform from normal, which a check of the standard deviation cannot.
 */
class InitializerShapeTest {

    private static final int FAN_IN = 400;
    private static final int FAN_OUT = 100;
    /** √(−ln(0.0005) / 2) / √40000, the Kolmogorov distribution's 99.9% point over √n. */
    private static final double CRITICAL = Math.sqrt(-Math.log(0.001 / 2) / 2) / Math.sqrt(FAN_IN * FAN_OUT);

    @Test
    void xavierUniform_isUniform() {
        // l = √(6 / (fanIn + fanOut))
        assertShape(Initializers.xavierUniform(), Math.sqrt(6.0 / (FAN_IN + FAN_OUT)), true);
    }

    @Test
    void heUniform_isUniform() {
        // l = √(6 / fanIn)
        assertShape(Initializers.heUniform(), Math.sqrt(6.0 / FAN_IN), true);
    }

    @Test
    void lecunUniform_isUniform() {
        // l = √(3 / fanIn)
        assertShape(Initializers.lecunUniform(), Math.sqrt(3.0 / FAN_IN), true);
    }

    @Test
    void xavierNormal_isNormal() {
        // σ = √(2 / (fanIn + fanOut)); as a uniform of equal variance, l = σ √3
        assertShape(Initializers.xavierNormal(), Math.sqrt(3) * Math.sqrt(2.0 / (FAN_IN + FAN_OUT)), false);
    }

    @Test
    void heNormal_isNormal() {
        // σ = √(2 / fanIn)
        assertShape(Initializers.heNormal(), Math.sqrt(3) * Math.sqrt(2.0 / FAN_IN), false);
    }

    @Test
    void lecunNormal_isNormal() {
        // σ = √(1 / fanIn)
        assertShape(Initializers.lecunNormal(), Math.sqrt(3) * Math.sqrt(1.0 / FAN_IN), false);
    }

    @Test
    void uniformAndNormal_withParameters() {
        DMatrixRMaj w = draw(Initializers.uniform(-1, 3));
        // U(−1, 3): F(x) = (x + 1) / 4
        assertThat(ks(w.data, x -> Math.min(1, Math.max(0, (x + 1) / 4)))).isLessThan(CRITICAL);
        w = draw(Initializers.normal(2, 0.5));
        assertThat(ks(w.data, x -> normalCdf((x - 2) / 0.5))).isLessThan(CRITICAL);
    }

    /**
     * @param limit the uniform distribution's half-width l; the normal one of equal variance has σ = l / √3
     */
    private static void assertShape(Initializer init, double limit, boolean uniform) {
        double sigma = limit / Math.sqrt(3);
        DoubleUnaryOperator uniformCdf = x -> Math.min(1, Math.max(0, (x + limit) / (2 * limit)));
        DoubleUnaryOperator normalCdf = x -> normalCdf(x / sigma);
        double[] sample = draw(init).data;

        double own = ks(sample, uniform ? uniformCdf : normalCdf);
        double other = ks(sample, uniform ? normalCdf : uniformCdf);

        assertThat(own).as("D against its own distribution").isLessThan(CRITICAL);
        assertThat(other).as("D against the other family").isGreaterThan(2 * CRITICAL);
    }

    private static DMatrixRMaj draw(Initializer init) {
        DMatrixRMaj w = new DMatrixRMaj(FAN_IN, FAN_OUT);
        init.fill(w, new Rng(17));
        return w;
    }

    /** D = max over the sorted sample of max(i/n − F(x_i), F(x_i) − (i − 1)/n). */
    private static double ks(double[] data, DoubleUnaryOperator cdf) {
        double[] x = data.clone();
        Arrays.sort(x);
        int n = x.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(x[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return d;
    }

    /**
     * Φ(z) by Abramowitz and Stegun 7.1.26 (erf to 1.5e-7, far below the KS resolution of 1e-2):
     * erf(x) ≈ 1 − (a₁t + a₂t² + a₃t³ + a₄t⁴ + a₅t⁵) e^(−x²), t = 1/(1 + p x), x ≥ 0.
     */
    private static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
