package dev.backprop.activations;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;

/**
 * The identity {@code f(z) = z}, for regression outputs and for layers whose loss works on raw scores
 * (softmax-cross-entropy, binary-cross-entropy-with-logits). Registered as {@code identity}, alias
 * {@code linear}.
 *
 * <p>Derivative: {@code f'(z) = 1}, so {@code dZ = G}.
 */
public final class Identity extends ElementwiseActivation implements OnnxExportable {

    /** The registered name. */
    public static final String NAME = "identity";

    /** The identity activation. */
    public Identity() {
        super(NAME, Config.empty());
    }

    /** {@code f(z) = z}. */
    @Override
    double value(double z) {
        return z;
    }

    /** {@code f'(z) = 1}. */
    @Override
    double derivative(double z, double a) {
        return 1.0;
    }

    /** The Identity operator. */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        return graph.node("Identity", z);
    }
}
