package dev.backprop.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in activation's ONNX form, run in ONNX Runtime, against its own forward pass (the reference): in
 * float graphs at opsets 9 (before Clip took its bounds as inputs), 17 (the default) and 20 (with the Mish and
 * Gelu operators), and in double graphs where ONNX Runtime has double kernels for the operators used.
 */
class BuiltInActivationsOnnxTest {

    /** Each built-in, with non-default parameters where it has them. */
    static Stream<String> activations() {
        return Stream.of(
                "identity",
                "sigmoid",
                "tanh",
                "relu",
                "leaky-relu(alpha=0.2)",
                "leaky-relu",
                "elu(alpha=0.7)",
                "selu",
                "gelu",
                "gelu(approximate=tanh)",
                "softplus",
                "softsign",
                "swish",
                "mish",
                "hard-sigmoid",
                "hard-tanh(min=-2.0,max=0.5)",
                "softmax",
                "log-softmax");
    }

    private static Activation create(String spec) {
        return Registries.discover().activations().create(ComponentSpec.parse(spec));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void floatGraph_matchesForward_atOpsets9_17_20(String spec) {
        for (int opset : new int[] {9, 17, 20}) {
            ConformanceResult result = OnnxConformance.check(create(spec), OnnxGraph.ElementType.FLOAT, opset);
            assertThat(result.maxError()).isLessThanOrEqualTo(1e-5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void doubleGraph_matchesForwardTo1e12_atOpsets9_17_whereOnnxRuntimeRunsIt(String spec) {
        for (int opset : new int[] {9, ExportOptions.DEFAULT_OPSET}) {
            ConformanceResult result;
            try {
                result = OnnxConformance.check(create(spec), OnnxGraph.ElementType.DOUBLE, opset);
            } catch (UnsupportedByRuntimeException e) {
                Assumptions.abort(
                        "ONNX Runtime has no double kernel for an operator of " + spec + ": " + e.getMessage());
                return;
            }
            assertThat(result.maxError()).as("opset " + opset).isLessThanOrEqualTo(1e-12);
        }
    }

    @Test
    void everyDiscoveredBuiltIn_hasAnOnnxForm() {
        long builtIns = Registries.discover().activations().providers().stream()
                .filter(info -> info.className().startsWith("dev.backprop.activations."))
                .peek(info -> assertThat(info.provider().create(Config.empty()))
                        .as(info.name())
                        .isInstanceOf(OnnxExportable.class))
                .count();
        // the 16 built-ins that bp-activations registers (its module-info lists them)
        assertThat(builtIns).isEqualTo(16);
    }
}
