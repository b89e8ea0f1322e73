package dev.backprop.activations;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;

/**
 * The hyperbolic tangent {@code tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))}, mapping reals into (−1, 1).
 *
 * <p>Derivative: {@code tanh'(z) = 1 − tanh²(z)}, evaluated from the forward output {@code a = tanh(z)}.
 */
public final class Tanh extends ElementwiseActivation implements OnnxExportable {

    /** The registered name. */
    public static final String NAME = "tanh";

    /** The tanh activation. */
    public Tanh() {
        super(NAME, Config.empty());
    }

    /** {@code tanh(z)}. */
    @Override
    double value(double z) {
        return Math.tanh(z);
    }

    /** {@code tanh'(z) = 1 − a²} with {@code a = tanh(z)}. */
    @Override
    double derivative(double z, double a) {
        return 1.0 - a * a;
    }

    /** The Tanh operator. */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        return graph.node("Tanh", z);
    }
}
