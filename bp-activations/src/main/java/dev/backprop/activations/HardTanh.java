package dev.backprop.activations;

import dev.backprop.activations.internal.Parameters;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;

/**
 * The hard tanh {@code f(z) = min(max(z, lo), hi)}, the identity clipped to [lo, hi]. Parameters {@code min}
 * (lo, default −1) and {@code max} (hi, default 1), finite with lo &lt; hi, as PyTorch's {@code min_val} and
 * {@code max_val}.
 *
 * <p>Derivative: {@code f'(z) = 1} for lo &lt; z &lt; hi and {@code 0} otherwise (0 at the kinks, as in PyTorch).
 */
public final class HardTanh extends ElementwiseActivation implements OnnxExportable {

    /** The registered name. */
    public static final String NAME = "hard-tanh";
    /** The parameter name of the lower bound. */
    public static final String MIN = "min";
    /** The parameter name of the upper bound. */
    public static final String MAX = "max";

    private final double lo;
    private final double hi;

    /**
     * A hard tanh clipping to [min, max].
     *
     * @throws IllegalArgumentException if a bound is not finite or min ≥ max
     */
    public HardTanh(double min, double max) {
        super(NAME, Config.of(MIN, min, MAX, max));
        this.lo = Parameters.finite(NAME, config(), MIN, -1.0);
        this.hi = Parameters.finite(NAME, config(), MAX, 1.0);
        if (!(lo < hi)) {
            throw new IllegalArgumentException(NAME + " min must be < max, got min=" + lo + ", max=" + hi);
        }
    }

    /** The lower bound. */
    public double min() {
        return lo;
    }

    /** The upper bound. */
    public double max() {
        return hi;
    }

    /** {@code min(max(z, lo), hi)}. */
    @Override
    double value(double z) {
        return Math.min(Math.max(z, lo), hi);
    }

    /** {@code 1} for lo &lt; z &lt; hi, else {@code 0}. */
    @Override
    double derivative(double z, double a) {
        return z > lo && z < hi ? 1.0 : 0.0;
    }

    /** {@code Clip(z, lo, hi)} with the bounds as constants (Max then Min before opset 11). */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        return OnnxForms.clip(graph, z, lo, hi);
    }
}
