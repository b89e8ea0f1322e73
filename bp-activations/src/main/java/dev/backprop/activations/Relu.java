package dev.backprop.activations;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;

/**
 * The rectified linear unit {@code relu(z) = max(0, z)}.
 *
 * <p>Derivative: {@code relu'(z) = 1} for z &gt; 0 and {@code 0} for z ≤ 0; at the kink z = 0 the derivative
 * is taken as 0, as in PyTorch. A NaN input gives NaN, as in every other activation, so that a missing value
 * is never turned into a plausible one.
 */
public final class Relu extends ElementwiseActivation implements OnnxExportable {

    /** The registered name. */
    public static final String NAME = "relu";

    /** The relu activation. */
    public Relu() {
        super(NAME, Config.empty());
    }

    /** {@code max(0, z)}; NaN stays NaN. */
    @Override
    double value(double z) {
        return z > 0 || Double.isNaN(z) ? z : 0.0;
    }

    /** {@code 1} for z &gt; 0, else {@code 0}. */
    @Override
    double derivative(double z, double a) {
        return z > 0 ? 1.0 : 0.0;
    }

    /** The Relu operator, {@code max(0, z)}. */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        return graph.node("Relu", z);
    }
}
