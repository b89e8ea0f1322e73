package dev.backprop.onnx;

import dev.backprop.core.spi.OnnxGraph;

/**
 * The outcome of a passed {@link OnnxConformance} check.
 *
 * @param activation  the activation's name and parameters
 * @param elementType the element type of the graph that was run
 * @param opset       the opset of the graph
 * @param values      the number of values compared
 * @param maxError    the largest error {@code |onnx − bp| / max(|bp|, 1)} seen
 * @param tolerance   the largest error allowed
 */
public record ConformanceResult(
        String activation,
        OnnxGraph.ElementType elementType,
        int opset,
        int values,
        double maxError,
        double tolerance) {}
