package dev.backprop.onnx;

/**
 * ONNX Runtime refused to load a model that the ONNX standard allows, most often because it has no kernel for an
 * operator in the model's element type (several activations exist in ONNX Runtime for floats only). The message
 * is ONNX Runtime's.
 */
public final class UnsupportedByRuntimeException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** An exception with ONNX Runtime's message and its exception as cause. */
    public UnsupportedByRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
