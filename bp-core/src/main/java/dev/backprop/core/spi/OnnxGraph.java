package dev.backprop.core.spi;

import java.util.List;
import java.util.Map;

/**
 * The part of an ONNX graph under construction that an activation writes its own operators into (see
 * {@link OnnxExportable}). Tensors are referred to by name; every method that creates a tensor returns its new,
 * unique name. The exporter behind this interface writes the ONNX protobuf; bp's core knows only this builder.
 *
 * <p>All tensors of the graph have one element type, {@link #elementType()}: constants given as {@code double}
 * are stored in it. Operators are those of the default ONNX domain ({@code ai.onnx}) in the version set
 * {@link #opset()}; an operator introduced in a later opset is refused by {@link #node} with an
 * {@link IllegalArgumentException} naming the operator and the opset it needs.
 */
public interface OnnxGraph {

    /** The element type of every tensor in the graph. */
    enum ElementType {
        /** 32-bit IEEE floats ({@code tensor(float)}), the usual type for serving. */
        FLOAT,
        /** 64-bit IEEE doubles ({@code tensor(double)}), for results that match bp's own to rounding. */
        DOUBLE
    }

    /** The version of the default ONNX operator set the graph is written for, e.g. 17. */
    int opset();

    /** The element type of every tensor in the graph. */
    ElementType elementType();

    /**
     * Adds one operator node with one output.
     *
     * @param opType     the operator in the default ONNX domain, e.g. {@code "Exp"} or {@code "LeakyRelu"}
     * @param inputs     the names of its inputs, in the operator's order; an empty name marks an omitted optional
     *                   input
     * @param attributes its attributes by name: a {@link Double} or {@link Float} is written as a float attribute,
     *                   an {@link Integer} or {@link Long} as an int, a {@link String} as a string; insertion order
     *                   is kept. Float attributes hold 32-bit values: in a {@link ElementType#DOUBLE} graph, pass a
     *                   parameter that is not exactly a float as a constant input instead
     * @return the name of the node's output tensor
     * @throws IllegalArgumentException if the operator needs a newer opset than {@link #opset()} (naming both), an
     *                                  input name is unknown, or an attribute value has another type
     */
    String node(String opType, List<String> inputs, Map<String, ?> attributes);

    /** As {@link #node(String, List, Map)}, without attributes. */
    default String node(String opType, String... inputs) {
        return node(opType, List.of(inputs), Map.of());
    }

    /**
     * Adds a scalar constant of the graph's element type (a tensor of shape {@code []}, which every ONNX operator
     * with multidirectional broadcasting stretches to the other input's shape).
     *
     * @param value the value; rounded to the nearest float in a {@link ElementType#FLOAT} graph
     * @return the constant's name
     */
    String scalar(double value);

    /**
     * Adds a constant tensor of the graph's element type.
     *
     * @param values the values in row-major order. Not modified.
     * @param shape  the dimensions; their product must equal {@code values.length}
     * @return the constant's name
     * @throws IllegalArgumentException if the shape does not fit the number of values
     */
    String tensor(double[] values, long... shape);
}
