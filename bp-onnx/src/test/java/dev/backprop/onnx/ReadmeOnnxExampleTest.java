package dev.backprop.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.backprop.core.network.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two Java examples of README.md's "Serving with ONNX", verbatim but for the file's folder, so that the README
 * cannot drift from the API; their results are checked against bp's own forward pass.
 */
class ReadmeOnnxExampleTest {

    @TempDir
    Path folder;

    @Test
    void readmeExamples_exportThenServe_giveBpsProbabilities() throws Exception {
        Network network = Fixtures.withRandomBiases(
                Network.builder()
                        .input(4)
                        .dense(6, "tanh")
                        .dense(3, "softmax")
                        .seed(9)
                        .build(),
                10);
        Path iris = folder.resolve("iris.onnx");

        // README, export:
        OnnxExport.write(
                ServingModel.of(network).withClassNames(List.of("setosa", "versicolor", "virginica")),
                iris,
                ExportOptions.defaults());

        // README, serving (with "iris.onnx" in the test's folder):
        float[][] probabilities;
        String classes;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(iris.toString(), new OrtSession.SessionOptions())) {
            float[][] rows = {{5.1f, 3.5f, 1.4f, 0.2f}, {6.3f, 3.3f, 6.0f, 2.5f}};
            try (OnnxTensor input = OnnxTensor.createTensor(env, rows);
                    OrtSession.Result result = session.run(Map.of("input", input))) {
                probabilities = (float[][]) result.get("output").orElseThrow().getValue();
                classes = session.getMetadata().getCustomMetadata().get("bp.classes");
            }
        }

        assertThat(Files.isRegularFile(iris)).isTrue();
        assertThat(classes).isEqualTo("[\"setosa\",\"versicolor\",\"virginica\"]");
        // bp's own forward pass on the same (float) rows
        DMatrixRMaj bp =
                network.forward(new DMatrixRMaj(new double[][] {{5.1f, 3.5f, 1.4f, 0.2f}, {6.3f, 3.3f, 6.0f, 2.5f}}));
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                assertThat((double) probabilities[r][c]).isCloseTo(bp.get(r, c), within(1e-5));
            }
        }
    }
}
