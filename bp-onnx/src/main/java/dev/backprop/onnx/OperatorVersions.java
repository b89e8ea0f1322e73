package dev.backprop.onnx;

import java.util.Map;
import java.util.Optional;

/**
 * The opset in which each operator of the default ONNX domain that activations are likely to use first appeared,
 * from the ONNX operator changelog. An operator not listed is written unchecked (and logged).
 */
final class OperatorVersions {

    private static final Map<String, Integer> SINCE = Map.ofEntries(
            Map.entry("Abs", 1),
            Map.entry("Add", 1),
            Map.entry("And", 1),
            Map.entry("Cast", 1),
            Map.entry("Ceil", 1),
            Map.entry("Celu", 12),
            Map.entry("Clip", 1),
            Map.entry("Cos", 7),
            Map.entry("Cosh", 9),
            Map.entry("Div", 1),
            Map.entry("Elu", 1),
            Map.entry("Equal", 1),
            Map.entry("Erf", 9),
            Map.entry("Exp", 1),
            Map.entry("Floor", 1),
            Map.entry("Gelu", 20),
            Map.entry("Gemm", 1),
            Map.entry("Greater", 1),
            Map.entry("GreaterOrEqual", 12),
            Map.entry("HardSigmoid", 1),
            Map.entry("HardSwish", 14),
            Map.entry("Hardmax", 1),
            Map.entry("Identity", 1),
            Map.entry("IsInf", 10),
            Map.entry("IsNaN", 9),
            Map.entry("LeakyRelu", 1),
            Map.entry("Less", 1),
            Map.entry("LessOrEqual", 12),
            Map.entry("Log", 1),
            Map.entry("LogSoftmax", 1),
            Map.entry("MatMul", 1),
            Map.entry("Max", 1),
            Map.entry("Mean", 1),
            Map.entry("Min", 1),
            Map.entry("Mish", 18),
            Map.entry("Mul", 1),
            Map.entry("Neg", 1),
            Map.entry("Not", 1),
            Map.entry("Or", 1),
            Map.entry("PRelu", 1),
            Map.entry("Pow", 1),
            Map.entry("Reciprocal", 1),
            Map.entry("Relu", 1),
            Map.entry("Round", 11),
            Map.entry("Selu", 1),
            Map.entry("Shrink", 9),
            Map.entry("Sigmoid", 1),
            Map.entry("Sign", 9),
            Map.entry("Sin", 7),
            Map.entry("Sinh", 9),
            Map.entry("Softmax", 1),
            Map.entry("Softplus", 1),
            Map.entry("Softsign", 1),
            Map.entry("Sqrt", 1),
            Map.entry("Sub", 1),
            Map.entry("Sum", 1),
            Map.entry("Tanh", 1),
            Map.entry("ThresholdedRelu", 10),
            Map.entry("Where", 9));

    private OperatorVersions() {}

    /** The opset in which the operator first appeared, if known. */
    static Optional<Integer> since(String opType) {
        return Optional.ofNullable(SINCE.get(opType));
    }
}
