package dev.backprop.activations;

import dev.backprop.core.numeric.StableMath;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;
import dev.backprop.core.spi.StandardActivation;
import java.util.Optional;

/**
 * The logistic sigmoid {@code σ(z) = 1 / (1 + e^(−z))}, mapping reals into (0, 1); computed so that the
 * exponential never overflows, which keeps σ(±1000) finite and correct (1 and 0).
 *
 * <p>Derivative: {@code σ'(z) = σ(z) (1 − σ(z))}, evaluated from the forward output {@code a = σ(z)}.
 *
 * <p>Followed by binary-cross-entropy, the engine uses the fused gradient {@code (P − T)/n} instead.
 */
public final class Sigmoid extends ElementwiseActivation implements OnnxExportable {

    /** The registered name. */
    public static final String NAME = "sigmoid";

    /** The sigmoid activation. */
    public Sigmoid() {
        super(NAME, Config.empty());
    }

    /** {@code σ(z) = 1 / (1 + e^(−z))}. */
    @Override
    double value(double z) {
        return StableMath.sigmoid(z);
    }

    /** {@code σ'(z) = a (1 − a)} with {@code a = σ(z)}. */
    @Override
    double derivative(double z, double a) {
        return a * (1.0 - a);
    }

    /** Exactly the standard logistic function, so losses may fuse their gradient with it. */
    @Override
    public Optional<StandardActivation> standardForm() {
        return Optional.of(StandardActivation.SIGMOID);
    }

    /** The Sigmoid operator. */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        return graph.node("Sigmoid", z);
    }
}
