package dev.backprop.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.spi.OnnxGraph;
import dev.backprop.onnx.proto.OnnxProto.GraphProto;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The graph builder that activations write into: constants, attributes and the checks on names. */
class ProtoGraphTest {

    private static ProtoGraph graph(OnnxGraph.ElementType type) {
        ProtoGraph graph = new ProtoGraph(GraphProto.newBuilder(), new ExportOptions(17, type));
        graph.declare("input");
        return graph;
    }

    @Test
    void tensorConstant_broadcastsOverRows_inOnnxRuntime() throws Exception {
        byte[] model = OnnxExport.assemble(
                        new ExportOptions(17, OnnxGraph.ElementType.DOUBLE),
                        "t",
                        3,
                        3,
                        g -> g.node("Add", "input", g.tensor(new double[] {10, 20, 30}, 1, 3)),
                        Map.of())
                .toByteArray();
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2, 3}, {-1, -2, -3}});

        DMatrixRMaj y;
        try (OrtRunner runner = OrtRunner.open(model, OnnxGraph.ElementType.DOUBLE)) {
            y = runner.run(x);
        }

        // by hand: each row plus [10, 20, 30]
        assertThat(y.data).startsWith(11, 22, 33, 9, 18, 27);
    }

    @Test
    void equalScalars_areWrittenOnce_perElementType() {
        ProtoGraph doubles = graph(OnnxGraph.ElementType.DOUBLE);
        ProtoGraph floats = graph(OnnxGraph.ElementType.FLOAT);

        assertThat(doubles.scalar(0.1)).isEqualTo(doubles.scalar(0.1));
        assertThat(doubles.scalar(0.1)).isNotEqualTo(doubles.scalar(0.1 + 1e-17 * 2));
        // 0.1 and 0.1 + 2e-17 differ as doubles but round to the same float
        assertThat(floats.scalar(0.1)).isEqualTo(floats.scalar(0.1 + 1e-17 * 2));
    }

    @Test
    void tensorWithAShapeThatDoesNotFit_isRefused() {
        assertThatThrownBy(() -> graph(OnnxGraph.ElementType.FLOAT).tensor(new double[5], 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A constant of shape [2, 3] needs 6 values, got 5");
    }

    @Test
    void unknownInputAndUnsupportedAttribute_areRefused() {
        ProtoGraph graph = graph(OnnxGraph.ElementType.FLOAT);
        graph.enterScope("layer0/custom", " (layer 0, activation 'custom')");

        assertThatThrownBy(() -> graph.node("Exp", "missing"))
                .hasMessage("ONNX operator 'Exp' (layer 0, activation 'custom') reads the tensor 'missing', which"
                        + " the graph does not have");
        assertThatThrownBy(() -> graph.node("Elu", List.of("input"), Map.of("alpha", new double[] {1})))
                .hasMessageContaining("Attribute 'alpha' of ONNX operator 'Elu' (layer 0, activation 'custom') is a"
                        + " [D; attributes are Double, Float, Integer, Long or String");
    }
}
