package dev.backprop.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.backprop.core.network.Network;
import dev.backprop.core.spi.OnnxGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whole networks exported and run in ONNX Runtime on seeded random inputs, against bp's own predictions
 * ({@link Network#forward} after the scaler, computed by bp): relative error at most 1e-12 in double graphs and
 * 1e-5 in float graphs (|difference| / max(|bp|, 1)).
 */
class OnnxExportTest {

    @TempDir
    Path folder;

    private static Network deepNetwork(boolean bias) {
        Network net = Network.builder()
                .input(4)
                .dense(8, "tanh", bias)
                .dense(6, "elu(alpha=0.7)", bias)
                .dense(5, "leaky-relu(alpha=0.1)", bias)
                .dense(3, "softmax", bias)
                .seed(11)
                .build();
        return Fixtures.withRandomBiases(net, 12);
    }

    private static DMatrixRMaj runInOnnxRuntime(byte[] model, OnnxGraph.ElementType type, DMatrixRMaj x)
            throws Exception {
        try (OrtRunner runner = OrtRunner.open(model, type)) {
            return runner.run(x);
        }
    }

    @ParameterizedTest
    @EnumSource(OnnxGraph.ElementType.class)
    void networkWithBiases_andSoftmaxOutput_matchesBp(OnnxGraph.ElementType type) throws Exception {
        Network net = deepNetwork(true);
        byte[] model = OnnxExport.toBytes(
                ServingModel.of(net), ExportOptions.defaults().withElementType(type));
        DMatrixRMaj x = Fixtures.randomRows(1, 64, 4, 3.0, type);

        DMatrixRMaj onnx = runInOnnxRuntime(model, type, x);
        DMatrixRMaj bp = net.forward(x).copy();

        assertThat(Fixtures.maxError(onnx, bp)).isLessThanOrEqualTo(Fixtures.tolerance(type));
        // softmax rows are probabilities: each sums to 1 (by definition)
        for (int r = 0; r < onnx.numRows; r++) {
            assertThat(onnx.get(r, 0) + onnx.get(r, 1) + onnx.get(r, 2)).isCloseTo(1.0, within(1e-5));
        }
    }

    @ParameterizedTest
    @EnumSource(OnnxGraph.ElementType.class)
    void networkWithoutBiases_matchesBp(OnnxGraph.ElementType type) throws Exception {
        Network net = deepNetwork(false);
        byte[] model = OnnxExport.toBytes(
                ServingModel.of(net), ExportOptions.defaults().withElementType(type));
        DMatrixRMaj x = Fixtures.randomRows(2, 33, 4, 3.0, type);

        assertThat(Fixtures.maxError(runInOnnxRuntime(model, type, x), net.forward(x)))
                .isLessThanOrEqualTo(Fixtures.tolerance(type));
    }

    @ParameterizedTest
    @EnumSource(OnnxGraph.ElementType.class)
    void inputAndTargetScalers_areAppliedAroundTheNetwork(OnnxGraph.ElementType type) throws Exception {
        Network net = Fixtures.withRandomBiases(
                Network.builder()
                        .input(3)
                        .dense(7, "softplus")
                        .dense(2, "identity")
                        .seed(5)
                        .build(),
                6);
        AffineScaling in = new AffineScaling(new double[] {5.8, 3.0, 120.0}, new double[] {0.8, 0.4, 35.0});
        AffineScaling target = new AffineScaling(new double[] {1.2, -4.0}, new double[] {0.76, 2.5});
        ServingModel model = ServingModel.of(net).withInputScaling(in).withTargetScaling(target);
        byte[] bytes = OnnxExport.toBytes(model, ExportOptions.defaults().withElementType(type));
        // raw rows around the scaler's offsets
        DMatrixRMaj x = Fixtures.randomRows(3, 40, 3, 1.0, type);
        for (int r = 0; r < x.numRows; r++) {
            for (int c = 0; c < 3; c++) {
                double raw = in.offset()[c] + 2 * in.scale()[c] * x.get(r, c);
                x.set(r, c, type == OnnxGraph.ElementType.FLOAT ? (float) raw : raw);
            }
        }

        // bp's prediction, written out: x' = (x − offset) / scale, y' = network(x'), y = y' · scale + offset
        DMatrixRMaj scaled = new DMatrixRMaj(x.numRows, 3);
        for (int i = 0; i < x.getNumElements(); i++) {
            scaled.data[i] = (x.data[i] - in.offset()[i % 3]) / in.scale()[i % 3];
        }
        DMatrixRMaj y = net.forward(scaled).copy();
        for (int i = 0; i < y.getNumElements(); i++) {
            y.data[i] = y.data[i] * target.scale()[i % 2] + target.offset()[i % 2];
        }

        assertThat(Fixtures.maxError(runInOnnxRuntime(bytes, type, x), y))
                .isLessThanOrEqualTo(Fixtures.tolerance(type));
    }

    @Test
    void inputAndOutput_areNamed_withASymbolicBatchDimension_andRunAnyBatchSize() throws Exception {
        Network net = deepNetwork(true);
        byte[] model = OnnxExport.toBytes(ServingModel.of(net), ExportOptions.defaults());
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions())) {
            NodeInfo input = session.getInputInfo().get("input");
            NodeInfo output = session.getOutputInfo().get("output");
            // -1 is how ONNX Runtime reports a symbolic dimension
            assertThat(((TensorInfo) input.getInfo()).getShape()).containsExactly(-1, 4);
            assertThat(((TensorInfo) output.getInfo()).getShape()).containsExactly(-1, 3);
            assertThat(((TensorInfo) input.getInfo()).getDimensionNames()).containsExactly("batch", "");
            for (int n : new int[] {1, 7}) {
                float[][] rows = new float[n][4];
                try (OnnxTensor t = OnnxTensor.createTensor(env, rows);
                        OrtSession.Result r = session.run(Map.of("input", t))) {
                    assertThat(((float[][]) r.get(0).getValue())).hasNumberOfRows(n);
                }
            }
        }
    }

    @Test
    void classNamesAndArchitecture_areWrittenAsMetadata() throws Exception {
        Network net = deepNetwork(true);
        ServingModel model = ServingModel.of(net)
                .withClassNames(List.of("setosa", "versi\"color", "virginica"))
                .withMetadata("bp.command", "iris");
        try (OrtRunner runner =
                OrtRunner.open(OnnxExport.toBytes(model, ExportOptions.defaults()), OnnxGraph.ElementType.FLOAT)) {
            Map<String, String> meta = runner.customMetadata();
            // JSON array with the quote escaped as \" (RFC 8259)
            assertThat(meta).containsEntry("bp.classes", "[\"setosa\",\"versi\\\"color\",\"virginica\"]");
            assertThat(meta).containsEntry("bp.shape", "4-8-6-5-3");
            assertThat(meta).containsEntry("bp.layer.1.activation", "elu(alpha=0.7)");
            assertThat(meta).containsEntry("bp.command", "iris");
        }
    }

    @Test
    void write_createsTheFile_andReplacesARegularFile() throws Exception {
        Network net = deepNetwork(true);
        Path file = folder.resolve("model.onnx");
        Files.writeString(file, "old content");

        OnnxExport.write(net, file);

        byte[] expected = OnnxExport.toBytes(ServingModel.of(net), ExportOptions.defaults());
        assertThat(Files.readAllBytes(file)).isEqualTo(expected);
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }
}
