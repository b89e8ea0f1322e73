package dev.backprop.activations;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;

/**
 * The softsign {@code f(z) = z / (1 + |z|)}, mapping reals into (−1, 1) with polynomial rather than exponential
 * tails.
 *
 * <p>Derivative: {@code f'(z) = 1 / (1 + |z|)²}.
 */
public final class Softsign extends ElementwiseActivation implements OnnxExportable {

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

    /** The Softsign operator in a float graph; in a double graph {@code z / (1 + |z|)}. */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        if (!OnnxForms.isDouble(graph)) {
            return graph.node("Softsign", z);
        }
        return graph.node("Div", z, graph.node("Add", graph.scalar(1.0), graph.node("Abs", z)));
    }
}
