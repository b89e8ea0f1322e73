package dev.backprop.activations;

import dev.backprop.core.numeric.StableMath;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;

/**
 * Mish {@code f(z) = z tanh(softplus(z))} with {@code softplus(z) = log(1 + e^z)} (Misra 2019).
 *
 * <p>Derivative: with {@code t = tanh(softplus(z))},
 * {@code f'(z) = t + z (1 − t²) σ(z)}, since {@code softplus'(z) = σ(z)} and {@code tanh' = 1 − tanh²}.
 */
public final class Mish extends ElementwiseActivation implements OnnxExportable {

    /** The registered name. */
    public static final String NAME = "mish";

    /** The mish activation. */
    public Mish() {
        super(NAME, Config.empty());
    }

    /** {@code z tanh(softplus(z))}. */
    @Override
    double value(double z) {
        return z * Math.tanh(StableMath.softplus(z));
    }

    /** {@code t + z (1 − t²) σ(z)} with {@code t = tanh(softplus(z))}. */
    @Override
    double derivative(double z, double a) {
        double t = Math.tanh(StableMath.softplus(z));
        return t + z * (1.0 - t * t) * StableMath.sigmoid(z);
    }

    /** The Mish operator (opset 18 and newer) in a float graph; otherwise {@code z · tanh(softplus(z))}. */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        if (!OnnxForms.isDouble(graph) && graph.opset() >= 18) {
            return graph.node("Mish", z);
        }
        return graph.node("Mul", z, graph.node("Tanh", OnnxForms.softplus(graph, z)));
    }
}
