/**
 * ONNX export of bp networks: {@link dev.backprop.onnx.OnnxExport} writes a network, with the input scaler in
 * front, the target scaler undone behind and class names as metadata ({@link dev.backprop.onnx.ServingModel}), as
 * an ONNX model whose input {@code input} and output {@code output} have a symbolic batch dimension. Each layer is
 * {@code MatMul} (plus {@code Add} for the bias) and its activation's own operators, which the activation supplies
 * through {@link dev.backprop.core.spi.OnnxExportable}; an activation without that form is refused.
 *
 * <p>The protobuf classes are generated at build time from the official {@code onnx.proto} of ONNX 1.12.0
 * (Apache License 2.0) and stay internal to this module.
 */
package dev.backprop.onnx;
