package dev.backprop.onnx;

import dev.backprop.core.spi.OnnxGraph;
import java.util.Objects;

/**
 * How a model is exported: the ONNX operator set version and the element type of every tensor.
 *
 * @param opset       the version of the default ONNX operator set, from {@value #MIN_OPSET} to
 *                    {@value #MAX_OPSET}; {@value #DEFAULT_OPSET} by default, which ONNX 1.12 and every ONNX Runtime
 *                    since 1.12 read
 * @param elementType {@link OnnxGraph.ElementType#FLOAT} (the default, for serving) or
 *                    {@link OnnxGraph.ElementType#DOUBLE} (results equal to bp's own to rounding)
 */
public record ExportOptions(int opset, OnnxGraph.ElementType elementType) {

    /** The oldest opset written: 9, the first with {@code Where} and {@code Erf}, which compositions use. */
    public static final int MIN_OPSET = 9;
    /** The newest opset written. */
    public static final int MAX_OPSET = 21;
    /** The opset used unless another is asked for. */
    public static final int DEFAULT_OPSET = 17;

    /**
     * Checks the opset.
     *
     * @throws IllegalArgumentException naming the opset and the range written
     */
    public ExportOptions {
        Objects.requireNonNull(elementType, "elementType");
        if (opset < MIN_OPSET || opset > MAX_OPSET) {
            throw new IllegalArgumentException("ONNX opset " + opset + " is not supported: bp exports opsets "
                    + MIN_OPSET + " to " + MAX_OPSET + " (default " + DEFAULT_OPSET + ")");
        }
    }

    /** Opset {@value #DEFAULT_OPSET}, float tensors. */
    public static ExportOptions defaults() {
        return new ExportOptions(DEFAULT_OPSET, OnnxGraph.ElementType.FLOAT);
    }

    /** These options with another opset. */
    public ExportOptions withOpset(int newOpset) {
        return new ExportOptions(newOpset, elementType);
    }

    /** These options with another element type. */
    public ExportOptions withElementType(OnnxGraph.ElementType type) {
        return new ExportOptions(opset, type);
    }

    /**
     * The ONNX IR version written for the opset: the oldest that includes it, so that older readers accept the
     * file (opset 9 → IR 4, 10 → 5, 11 → 6, 12–14 → 7, 15–18 → 8, 19–20 → 9, 21 → 10).
     */
    long irVersion() {
        if (opset <= 11) {
            return opset - 5L;
        }
        if (opset <= 14) {
            return 7;
        }
        if (opset <= 18) {
            return 8;
        }
        return opset <= 20 ? 9 : 10;
    }
}
