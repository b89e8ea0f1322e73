package dev.backprop.activations;

/** The logistic function σ(z) = 1 / (1 + e^(−z)), evaluated without overflow for every z. */
final class Logistic {

    private Logistic() {
    }

    /**
     * σ(z), computed as {@code 1 / (1 + e^(−z))} for z ≥ 0 and {@code e^z / (1 + e^z)} for z &lt; 0, so that
     * the exponential never exceeds 1 and σ(±1000) is exactly 1 and 0 (to the nearest double) instead of NaN.
     */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /**
     * softplus(z) = log(1 + e^z), computed as {@code max(z, 0) + log1p(e^(−|z|))}, which neither overflows for
     * large z nor loses the small values for very negative z.
     */
    static double softplus(double z) {
        return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
    }
}
