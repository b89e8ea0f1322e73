package dev.backprop.activations;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scaled exponential linear unit {@code f(z) = λ z} for z &gt; 0 and {@code λ α (e^z − 1)} for z ≤ 0, with
 * the fixed constants of Klambauer et al., "Self-Normalizing Neural Networks" (2017):
 * λ = 1.0507009873554804934 and α = 1.6732632423543772848 (the values PyTorch uses). No parameters.
 *
 * <p>Derivative: {@code f'(z) = λ} for z &gt; 0 and {@code λ α e^z} for z ≤ 0 (the left value at z = 0).
 */
public final class Selu extends ElementwiseActivation implements OnnxExportable {

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

    /**
     * The Selu operator with α and λ (as {@code gamma}) in a float graph; in a double graph
     * {@code Where(z > 0, λ z, λα expm1(z))}, which keeps both constants in 64 bits.
     */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        if (!OnnxForms.isDouble(graph)) {
            Map<String, Double> attributes = new LinkedHashMap<>();
            attributes.put("alpha", ALPHA);
            attributes.put("gamma", LAMBDA);
            return OnnxForms.node(graph, "Selu", attributes, z);
        }
        String positive = graph.node("Greater", z, graph.scalar(0.0));
        String negative = OnnxForms.times(graph, LAMBDA * ALPHA, OnnxForms.expm1(graph, z));
        return graph.node("Where", positive, OnnxForms.times(graph, LAMBDA, z), negative);
    }
}
