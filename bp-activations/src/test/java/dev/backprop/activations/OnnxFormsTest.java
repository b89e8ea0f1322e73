package dev.backprop.activations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph.ElementType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in activations' ONNX forms, evaluated operator by operator by the ONNX specification's definitions
 * ({@link EagerOnnxGraph}), against the activations' own forward pass; and which form each graph gets. bp-onnx
 * runs the same forms in ONNX Runtime when it is installed; these checks need nothing but the JDK.
 */
class OnnxFormsTest {

    /** Both signs, both sides of 0 by far and by little, and large enough to saturate. */
    private static final double[] Z = {-30, -6, -1.5, -0.3, -1e-9, 0, 1e-9, 0.3, 1.5, 6, 30};

    /** Every exportable built-in (with other parameters too) in float and double graphs of opsets 9 to 20. */
    static Stream<Arguments> forms() {
        List<Arguments> all = new ArrayList<>();
        BuiltInActivationsTest.builtIns().forEach(arguments -> {
            ActivationProvider provider = (ActivationProvider) arguments.get()[0];
            Config config = (Config) arguments.get()[1];
            Activation activation = provider.create(config);
            if (activation instanceof OnnxExportable) {
                for (ElementType type : ElementType.values()) {
                    for (int opset : new int[] {9, 10, 11, 17, 18, 19, 20}) {
                        all.add(Arguments.of(activation.spec().toString(), activation, type, opset));
                    }
                }
            }
        });
        return all.stream();
    }

    /** The graph an activation writes for Z, and the values of its output. */
    @SuppressWarnings("ArrayRecordComponent") // a test-local pair, never compared
    private record Export(EagerOnnxGraph graph, double[] output) {}

    private static Export export(Activation activation, ElementType type, int opset) {
        EagerOnnxGraph graph = new EagerOnnxGraph(opset, type, Z);
        String out = ((OnnxExportable) activation).toOnnx(graph, "z");
        return new Export(graph, graph.value(out));
    }

    @ParameterizedTest(name = "{0} {2} opset {3}")
    @MethodSource("forms")
    void onnxForm_computesTheForwardPass(String name, Activation activation, ElementType type, int opset) {
        double[] expected = Fixtures.forward(activation, Z);
        double[] actual = export(activation, type, opset).output();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < Z.length; i++) {
            // a few units in the last place of the forms, and the evaluator's erf (below 1e-14)
            double tolerance = 1e-12 + 1e-10 * Math.abs(expected[i]);
            assertThat(Math.abs(actual[i] - expected[i]))
                    .as("%s at z = %s: ONNX %s, Java %s", name, Z[i], actual[i], expected[i])
                    .isLessThanOrEqualTo(tolerance);
        }
    }

    /** The double-graph cases of {@link #forms()}. */
    static Stream<Arguments> doubleForms() {
        return forms().filter(arguments -> arguments.get()[2] == ElementType.DOUBLE);
    }

    @ParameterizedTest(name = "{0} {2} opset {3}")
    @MethodSource("doubleForms")
    void doubleGraph_takesNoFloatAttribute(String name, Activation activation, ElementType type, int opset) {
        // ONNX keeps real attributes as floats: a double graph would lose the parameters' digits
        assertThat(export(activation, type, opset).graph().withRealAttributes())
                .as(name)
                .isEmpty();
    }

    @Test
    void floatGraph_usesTheNativeOperator_whereTheOpsetHasIt() {
        // Gelu is an operator from opset 20, Mish from 18; Elu, LeakyRelu, Selu, HardSigmoid, Softsign and
        // Softplus exist in every opset bp exports
        assertThat(ops("gelu", ElementType.FLOAT, 20)).containsExactly("Gelu");
        assertThat(ops("gelu", ElementType.FLOAT, 19)).doesNotContain("Gelu").contains("Erf");
        assertThat(ops("mish", ElementType.FLOAT, 18)).containsExactly("Mish");
        assertThat(ops("mish", ElementType.FLOAT, 17)).doesNotContain("Mish").contains("Softplus", "Tanh");
        for (String[] pair : new String[][] {
            {"elu", "Elu"},
            {"leaky-relu", "LeakyRelu"},
            {"selu", "Selu"},
            {"hard-sigmoid", "HardSigmoid"},
            {"softsign", "Softsign"},
            {"softplus", "Softplus"}
        }) {
            assertThat(ops(pair[0], ElementType.FLOAT, 9)).as(pair[0]).containsExactly(pair[1]);
            assertThat(ops(pair[0], ElementType.DOUBLE, 20)).as(pair[0]).doesNotContain(pair[1]);
        }
    }

    @Test
    void clip_takesItsBoundsAsInputsFromOpset11_andIsMaxThenMinBefore() {
        assertThat(ops("hard-tanh", ElementType.DOUBLE, 11)).containsExactly("Clip");
        assertThat(ops("hard-tanh", ElementType.DOUBLE, 10)).containsExactly("Max", "Min");
    }

    @Test
    void doubleSoftplus_avoidsTheOverflowOfLogOfOnePlusExp() {
        // softplus(800) = 800 (+ e^-800, far below an ulp); log(1 + e^800) overflows to infinity
        EagerOnnxGraph graph = new EagerOnnxGraph(20, ElementType.DOUBLE, new double[] {800, -800});
        String out = ((OnnxExportable) create("softplus")).toOnnx(graph, "z");
        assertThat(graph.value(out)).containsExactly(800.0, 0.0);
    }

    private static Activation create(String name) {
        return Registries.discover().activations().create(ComponentSpec.of(name));
    }

    private static List<String> ops(String name, ElementType type, int opset) {
        EagerOnnxGraph graph = new EagerOnnxGraph(opset, type, Z);
        ((OnnxExportable) create(name)).toOnnx(graph, "z");
        return graph.operators();
    }
}
