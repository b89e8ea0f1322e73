package dev.backprop.activations;

import dev.backprop.core.spi.Config;

/**
 * The softsign {@code f(z) = z / (1 + |z|)}, mapping reals into (−1, 1) with polynomial rather than exponential
 * tails.
 *
 * <p>Derivative: {@code f'(z) = 1 / (1 + |z|)²}.
 */
public final class Softsign extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "softsign";

    /** The softsign activation. */
    public Softsign() {
        super(NAME, Config.empty());
    }

    /** {@code z / (1 + |z|)}. */
    @Override
    double value(double z) {
        return z / (1.0 + Math.abs(z));
    }

    /** {@code 1 / (1 + |z|)²}. */
    @Override
    double derivative(double z, double a) {
        double d = 1.0 + Math.abs(z);
        return 1.0 / (d * d);
    }
}
