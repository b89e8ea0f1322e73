package dev.backprop.core.spi;

/**
 * An {@link Activation} that can write itself as ONNX operators, so that a network using it can be exported to
 * ONNX (bp-onnx's {@code OnnxExport}). Optional: an activation without it is refused by the exporter with a
 * message naming it, never replaced by a guess.
 *
 * <p>The subgraph must compute exactly what {@link Activation#forward} computes, with the activation's own
 * parameters, for a 2-D input of shape {@code [n, k]} (samples in rows); row-wise activations work along the last
 * axis. Prefer the standard operator where the opset has one and, in a {@link OnnxGraph.ElementType#DOUBLE}
 * graph, compositions whose constants are inputs of the graph's type rather than float attributes, so that no
 * parameter is rounded to 32 bits. bp-onnx's {@code OnnxConformance} compares a subgraph with the activation's
 * forward pass in ONNX Runtime; a plug-in calls it from its tests.
 *
 * <pre>{@code
 * // softsign z / (1 + |z|)
 * public String toOnnx(OnnxGraph graph, String z) {
 *     String denominator = graph.node("Add", graph.scalar(1.0), graph.node("Abs", z));
 *     return graph.node("Div", z, denominator);
 * }
 * }</pre>
 */
public interface OnnxExportable {

    /**
     * Adds the operators computing {@code f(z)} to the graph.
     *
     * @param graph the graph being built
     * @param z     the name of the pre-activation tensor, shape {@code [n, k]}
     * @return the name of the tensor holding {@code f(z)}, of the same shape
     * @throws IllegalArgumentException if the graph's opset or element type cannot express the activation; the
     *                                  message names the activation and what it needs
     */
    String toOnnx(OnnxGraph graph, String z);
}
