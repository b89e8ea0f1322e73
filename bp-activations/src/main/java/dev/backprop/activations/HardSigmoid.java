package dev.backprop.activations;

import dev.backprop.core.spi.Config;

/**
 * The hard sigmoid in PyTorch's convention, {@code f(z) = relu6(z + 3) / 6 = min(max(z + 3, 0), 6) / 6}: 0 for
 * z ≤ −3, 1 for z ≥ 3 and {@code z/6 + ½} between. (Keras 2 used {@code 0.2 z + 0.5} clipped instead; that is
 * not this function.)
 *
 * <p>Derivative: {@code f'(z) = 1/6} for −3 &lt; z &lt; 3 and {@code 0} otherwise (0 at the kinks ±3, as in
 * PyTorch).
 */
public final class HardSigmoid extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "hard-sigmoid";

    /** The hard sigmoid activation. */
    public HardSigmoid() {
        super(NAME, Config.empty());
    }

    /** {@code min(max(z + 3, 0), 6) / 6}. */
    @Override
    double value(double z) {
        return Math.min(Math.max(z + 3.0, 0.0), 6.0) / 6.0;
    }

    /** {@code 1/6} for −3 &lt; z &lt; 3, else {@code 0}. */
    @Override
    double derivative(double z, double a) {
        return z > -3.0 && z < 3.0 ? 1.0 / 6.0 : 0.0;
    }
}
