package dev.backprop.activations;

import dev.backprop.core.spi.Config;

/**
 * The scaled exponential linear unit {@code f(z) = λ z} for z &gt; 0 and {@code λ α (e^z − 1)} for z ≤ 0, with
 * the fixed constants of Klambauer et al., "Self-Normalizing Neural Networks" (2017):
 * λ = 1.0507009873554804934 and α = 1.6732632423543772848 (the values PyTorch uses). No parameters.
 *
 * <p>Derivative: {@code f'(z) = λ} for z &gt; 0 and {@code λ α e^z} for z ≤ 0 (the left value at z = 0).
 */
public final class Selu extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "selu";
    /** λ, the scale. */
    public static final double LAMBDA = 1.0507009873554804934193349852946;
    /** α, the saturation of the negative part before scaling. */
    public static final double ALPHA = 1.6732632423543772848170429916717;

    /** The selu activation. */
    public Selu() {
        super(NAME, Config.empty());
    }

    /** {@code λ z} for z &gt; 0, else {@code λ α (e^z − 1)}. */
    @Override
    double value(double z) {
        return z > 0 ? LAMBDA * z : LAMBDA * ALPHA * Math.expm1(z);
    }

    /** {@code λ} for z &gt; 0, else {@code λ α e^z}. */
    @Override
    double derivative(double z, double a) {
        return z > 0 ? LAMBDA : LAMBDA * ALPHA * Math.exp(z);
    }
}
