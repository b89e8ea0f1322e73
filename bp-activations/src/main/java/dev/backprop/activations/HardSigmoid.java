package dev.backprop.activations;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hard sigmoid in PyTorch's convention, {@code f(z) = relu6(z + 3) / 6 = min(max(z + 3, 0), 6) / 6}: 0 for
 * z ≤ −3, 1 for z ≥ 3 and {@code z/6 + ½} between. (Keras 2 used {@code 0.2 z + 0.5} clipped instead; that is
 * not this function.)
 *
 * <p>Derivative: {@code f'(z) = 1/6} for −3 &lt; z &lt; 3 and {@code 0} otherwise (0 at the kinks ±3, as in
 * PyTorch).
 */
public final class HardSigmoid extends ElementwiseActivation implements OnnxExportable {

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

    /**
     * The HardSigmoid operator with α = 1/6 and β = ½ in a float graph; in a double graph
     * {@code clip(z + 3, 0, 6) / 6}, as computed here.
     */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        if (!OnnxForms.isDouble(graph)) {
            Map<String, Double> attributes = new LinkedHashMap<>();
            attributes.put("alpha", 1.0 / 6.0);
            attributes.put("beta", 0.5);
            return OnnxForms.node(graph, "HardSigmoid", attributes, z);
        }
        String shifted = graph.node("Add", z, graph.scalar(3.0));
        return graph.node("Div", OnnxForms.clip(graph, shifted, 0.0, 6.0), graph.scalar(6.0));
    }
}
