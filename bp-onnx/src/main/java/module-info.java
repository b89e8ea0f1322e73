/**
 * Exports trained bp networks as ONNX models, so that ONNX Runtime and other model servers can serve them, and
 * checks plug-in activations' ONNX forms against their own forward pass ({@link dev.backprop.onnx.OnnxConformance},
 * which needs ONNX Runtime on the class path or module path).
 */
module dev.backprop.onnx {
    requires transitive dev.backprop.core;
    requires com.google.protobuf;
    requires org.slf4j;
    requires static com.microsoft.onnxruntime;

    exports dev.backprop.onnx;
}
