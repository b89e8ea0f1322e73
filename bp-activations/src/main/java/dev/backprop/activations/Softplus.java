package dev.backprop.activations;

import dev.backprop.core.numeric.StableMath;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;

/**
 * The softplus {@code f(z) = log(1 + e^z)}, a smooth relu, computed as {@code max(z, 0) + log1p(e^(−|z|))} so
 * that it neither overflows for large z nor rounds to 0 for very negative z.
 *
 * <p>Derivative: {@code f'(z) = σ(z) = 1 / (1 + e^(−z))}.
 */
public final class Softplus extends ElementwiseActivation implements OnnxExportable {

    /** The registered name. */
    public static final String NAME = "softplus";

    /** The softplus activation. */
    public Softplus() {
        super(NAME, Config.empty());
    }

    /** {@code log(1 + e^z)}. */
    @Override
    double value(double z) {
        return StableMath.softplus(z);
    }

    /** {@code σ(z)}. */
    @Override
    double derivative(double z, double a) {
        return StableMath.sigmoid(z);
    }

    /** The Softplus operator in a float graph; in a double graph {@code max(z, 0) + log1p(e^(−|z|))}. */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        return OnnxForms.softplus(graph, z);
    }
}
