package dev.backprop.core.numeric;

/**
 * The numerically stable pieces that activations and losses share: the logistic function and softplus without
 * overflow, and the max-shifted sums behind softmax and log-sum-exp. Plug-ins use them too; none allocates.
 */
public final class StableMath {

    private StableMath() {}

    /**
     * σ(z) = 1 / (1 + e^(−z)), computed as {@code 1 / (1 + e^(−z))} for z ≥ 0 and {@code e^z / (1 + e^z)} for
     * z &lt; 0, so that the exponential never exceeds 1 and σ(±1000) is exactly 1 and 0 instead of NaN.
     */
    public static double sigmoid(double z) {
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
    public static double softplus(double z) {
        return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** {@code m = max_i x_i} over {@code x[from] … x[to − 1]}; −∞ for an empty range. */
    public static double max(double[] x, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            m = Math.max(m, x[i]);
        }
        return m;
    }

    /**
     * {@code Σ_i e^(x_i − m)} over {@code x[from] … x[to − 1]}: with m the range's {@link #max}, every term is at
     * most 1, so the sum cannot overflow and is at least 1; {@code m + log} of it is the log-sum-exp.
     */
    public static double sumExpShifted(double[] x, int from, int to, double m) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += Math.exp(x[i] - m);
        }
        return s;
    }
}
