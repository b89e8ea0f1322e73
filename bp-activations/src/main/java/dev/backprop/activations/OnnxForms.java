package dev.backprop.activations;

import dev.backprop.core.spi.OnnxGraph;
import java.util.List;
import java.util.Map;

/**
 * ONNX compositions shared by the built-in activations' {@link dev.backprop.core.spi.OnnxExportable} forms, each
 * computing what the Java code computes to within a few units in the last place, from operators that exist in
 * every opset bp exports (9 and newer).
 */
final class OnnxForms {

    private OnnxForms() {}

    /** Whether the graph holds doubles, where parameters go in as constants and not as float attributes. */
    static boolean isDouble(OnnxGraph graph) {
        return graph.elementType() == OnnxGraph.ElementType.DOUBLE;
    }

    /** One operator with attributes. */
    static String node(OnnxGraph graph, String opType, Map<String, ?> attributes, String... inputs) {
        return graph.node(opType, List.of(inputs), attributes);
    }

    /** {@code c · x}. */
    static String times(OnnxGraph graph, double c, String x) {
        return graph.node("Mul", graph.scalar(c), x);
    }

    /**
     * {@code e^z − 1} without the cancellation of {@code Exp(z) − 1} near 0: with {@code t = tanh(z/2)},
     * {@code e^z − 1 = 2t / (1 − t)}, since {@code t = (e^z − 1)/(e^z + 1)} and {@code 1 − t = 2/(e^z + 1)}. As
     * accurate as {@link Math#expm1} for z ≤ 0, where the activations use it.
     */
    static String expm1(OnnxGraph graph, String z) {
        String t = graph.node("Tanh", times(graph, 0.5, z));
        String oneMinusT = graph.node("Sub", graph.scalar(1.0), t);
        return graph.node("Div", times(graph, 2.0, t), oneMinusT);
    }

    /**
     * {@code log(1 + u)} for u ≥ 0 without losing small u, by Kahan's method: with {@code w = 1 + u} rounded,
     * {@code log1p(u) = u} when {@code w = 1}, else {@code log(w) · u / (w − 1)}, which cancels the rounding of w.
     * ({@code w = 1} is tested as {@code !(w > 1)}: Equal takes floating-point inputs only from opset 11.)
     */
    static String log1p(OnnxGraph graph, String u) {
        String one = graph.scalar(1.0);
        String w = graph.node("Add", one, u);
        String wMinusOne = graph.node("Sub", w, one);
        String corrected = graph.node("Div", graph.node("Mul", graph.node("Log", w), u), wMinusOne);
        // the branch not taken may be 0/0; Where discards it
        return graph.node("Where", graph.node("Greater", w, one), corrected, u);
    }

    /**
     * softplus {@code log(1 + e^z)}: the Softplus operator in a float graph; in a double graph
     * {@code max(z, 0) + log1p(e^(−|z|))}, as {@link dev.backprop.core.numeric.StableMath#softplus} computes it.
     */
    static String softplus(OnnxGraph graph, String z) {
        if (!isDouble(graph)) {
            return graph.node("Softplus", z);
        }
        String positivePart = graph.node("Max", z, graph.scalar(0.0));
        String decay = graph.node("Exp", graph.node("Neg", graph.node("Abs", z)));
        return graph.node("Add", positivePart, log1p(graph, decay));
    }

    /** {@code min(max(z, lo), hi)}: Clip with its bounds as inputs (opset 11 and newer), else Max then Min. */
    static String clip(OnnxGraph graph, String z, double lo, double hi) {
        if (graph.opset() >= 11) {
            return graph.node("Clip", z, graph.scalar(lo), graph.scalar(hi));
        }
        return graph.node("Min", graph.node("Max", z, graph.scalar(lo)), graph.scalar(hi));
    }

    /** {@code z} where z &gt; 0, else {@code negative}. */
    static String positiveOr(OnnxGraph graph, String z, String negative) {
        String positive = graph.node("Greater", z, graph.scalar(0.0));
        return graph.node("Where", positive, z, negative);
    }
}
