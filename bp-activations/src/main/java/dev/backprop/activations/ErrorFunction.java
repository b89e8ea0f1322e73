package dev.backprop.activations;

/**
 * The complementary error function erfc(x) = (2/√π) ∫ₓ^∞ e^(−t²) dt and the standard normal distribution
 * function Φ(x) = ½ erfc(−x/√2), to about 1e-16 relative accuracy.
 *
 * <p>Uses the near-minimax rational approximations of W. J. Cody, "Rational Chebyshev approximations for the
 * error function", Mathematics of Computation 23 (1969), 631–637: erf on |x| ≤ 0.46875, erfc on
 * 0.46875 &lt; |x| ≤ 4 and, in the variable 1/x², on |x| &gt; 4. The factor e^(−x²) is evaluated as
 * e^(−s²) e^(−(x−s)(x+s)) with s = x rounded down to a multiple of 1/16, which keeps its relative error near
 * one rounding even where x² is large.
 */
final class ErrorFunction {

    /** 1/√π. */
    private static final double ONE_OVER_SQRT_PI = 0.56418958354775628695;
    /** 1/√2. */
    private static final double ONE_OVER_SQRT_2 = 0.70710678118654752440;
    /** Beyond this, erfc(x) underflows to 0 in double precision. */
    private static final double ERFC_UNDERFLOW = 26.543;

    // erf(x) ≈ x · A(x²) / B(x²) on |x| ≤ 0.46875
    private static final double A0 = 3.16112374387056560e00;
    private static final double A1 = 1.13864154151050156e02;
    private static final double A2 = 3.77485237685302021e02;
    private static final double A3 = 3.20937758913846947e03;
    private static final double A4 = 1.85777706184603153e-1;
    private static final double B0 = 2.36012909523441209e01;
    private static final double B1 = 2.44024637934444173e02;
    private static final double B2 = 1.28261652607737228e03;
    private static final double B3 = 2.84423683343917062e03;

    // erfc(x) ≈ e^(−x²) · C(x) / D(x) on 0.46875 < x ≤ 4
    private static final double C0 = 5.64188496988670089e-1;
    private static final double C1 = 8.88314979438837594e00;
    private static final double C2 = 6.61191906371416295e01;
    private static final double C3 = 2.98635138197400131e02;
    private static final double C4 = 8.81952221241769090e02;
    private static final double C5 = 1.71204761263407058e03;
    private static final double C6 = 2.05107837782607147e03;
    private static final double C7 = 1.23033935479799725e03;
    private static final double C8 = 2.15311535474403846e-8;
    private static final double D0 = 1.57449261107098347e01;
    private static final double D1 = 1.17693950891312499e02;
    private static final double D2 = 5.37181101862009858e02;
    private static final double D3 = 1.62138957456669019e03;
    private static final double D4 = 3.29079923573345963e03;
    private static final double D5 = 4.36261909014324716e03;
    private static final double D6 = 3.43936767414372164e03;
    private static final double D7 = 1.23033935480374942e03;

    // erfc(x) ≈ e^(−x²)/x · (1/√π − y P(y) / Q(y)) with y = 1/x², on x > 4
    private static final double P0 = 3.05326634961232344e-1;
    private static final double P1 = 3.60344899949804439e-1;
    private static final double P2 = 1.25781726111229246e-1;
    private static final double P3 = 1.60837851487422766e-2;
    private static final double P4 = 6.58749161529837803e-4;
    private static final double P5 = 1.63153871373020978e-2;
    private static final double Q0 = 2.56852019228982242e00;
    private static final double Q1 = 1.87295284992346047e00;
    private static final double Q2 = 5.27905102951428412e-1;
    private static final double Q3 = 6.05183413124413191e-2;
    private static final double Q4 = 2.33520497626869185e-3;

    private ErrorFunction() {}

    /** Φ(x) = ½ erfc(−x/√2), the probability that a standard normal variable is at most x. */
    static double normalCdf(double x) {
        return 0.5 * erfc(-x * ONE_OVER_SQRT_2);
    }

    /** erfc(x) = 1 − erf(x), accurate in relative terms also where it is tiny (large positive x). */
    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double y = Math.abs(x);
        if (y <= 0.46875) {
            double ysq = y * y;
            // erf(x) = x A(x²) / B(x²)
            double num = ((((A4 * ysq + A0) * ysq + A1) * ysq + A2) * ysq + A3);
            double den = ((((ysq + B0) * ysq + B1) * ysq + B2) * ysq + B3);
            return 1.0 - x * num / den;
        }
        double upper; // erfc(|x|)
        if (y <= 4.0) {
            // erfc(y) = e^(−y²) C(y) / D(y)
            double num = ((((((((C8 * y + C0) * y + C1) * y + C2) * y + C3) * y + C4) * y + C5) * y + C6) * y + C7);
            double den = ((((((((y + D0) * y + D1) * y + D2) * y + D3) * y + D4) * y + D5) * y + D6) * y + D7);
            upper = expMinusSquare(y) * num / den;
        } else if (y >= ERFC_UNDERFLOW) {
            upper = 0.0;
        } else {
            double ysq = 1.0 / (y * y);
            // erfc(y) = e^(−y²)/y · (1/√π − y⁻² P(y⁻²) / Q(y⁻²))
            double num = (((((P5 * ysq + P0) * ysq + P1) * ysq + P2) * ysq + P3) * ysq + P4);
            double den = (((((ysq + Q0) * ysq + Q1) * ysq + Q2) * ysq + Q3) * ysq + Q4);
            upper = expMinusSquare(y) * (ONE_OVER_SQRT_PI - ysq * num / den) / y;
        }
        // erfc(−y) = 2 − erfc(y)
        return x < 0 ? 2.0 - upper : upper;
    }

    /** e^(−y²) as e^(−s²) · e^(−(y − s)(y + s)) with s = ⌊16 y⌋ / 16, whose product s² is exact. */
    private static double expMinusSquare(double y) {
        double s = Math.floor(y * 16.0) / 16.0;
        double del = (y - s) * (y + s);
        return Math.exp(-s * s) * Math.exp(-del);
    }
}
