package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.backprop.core.network.Network;
import dev.backprop.data.scaling.MinMaxScaler;
import dev.backprop.data.scaling.StandardScaler;
import dev.backprop.examples.support.ModelArchive;
import dev.backprop.examples.support.ModelInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bp export}: the ONNX file, run in ONNX Runtime on raw rows, gives what bp computes from the saved model
 * (scaler, then network, then the target scaler undone), and bad options and paths get one-line errors.
 */
class ExportCommandTest {

    /** Raw rows in the units of the data the scalers were fitted on. */
    private static final double[][] ROWS = {{5.1, 3.5, 1.4}, {6.4, 3.2, 4.5}, {6.3, 3.3, 6.0}, {4.9, 2.5, 4.5}};

    @TempDir
    Path dir;

    private static DMatrixRMaj rows() {
        return new DMatrixRMaj(ROWS);
    }

    private static Network network(String hidden, String output, int outputs) {
        Network net = Network.builder()
                .input(3)
                .dense(5, hidden)
                .dense(outputs, output)
                .seed(3)
                .build();
        net.layer(0).setBias(0.1, -0.2, 0.3, -0.4, 0.5);
        return net;
    }

    private static double[][] runOnnx(Path file, double[][] rows, boolean doubles) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions())) {
            Object input = rows;
            if (!doubles) {
                float[][] f = new float[rows.length][rows[0].length];
                for (int r = 0; r < rows.length; r++) {
                    for (int c = 0; c < rows[0].length; c++) {
                        f[r][c] = (float) rows[r][c];
                    }
                }
                input = f;
            }
            try (OnnxTensor t = OnnxTensor.createTensor(env, input);
                    OrtSession.Result result = session.run(Map.of("input", t))) {
                Object value = result.get("output").orElseThrow().getValue();
                if (doubles) {
                    return (double[][]) value;
                }
                float[][] f = (float[][]) value;
                double[][] out = new double[f.length][f[0].length];
                for (int r = 0; r < f.length; r++) {
                    for (int c = 0; c < f[0].length; c++) {
                        out[r][c] = f[r][c];
                    }
                }
                return out;
            }
        }
    }

    private static void assertClose(double[][] onnx, DMatrixRMaj bp, double tolerance) {
        assertThat(onnx.length).isEqualTo(bp.numRows);
        for (int r = 0; r < bp.numRows; r++) {
            for (int c = 0; c < bp.numCols; c++) {
                double error = Math.abs(onnx[r][c] - bp.get(r, c)) / Math.max(Math.abs(bp.get(r, c)), 1.0);
                assertThat(error).as("row %d column %d", r, c).isLessThanOrEqualTo(tolerance);
            }
        }
    }

    @Test
    void classifierWithScaler_inFloat64_givesBpsProbabilities_andKeepsClassNames() throws Exception {
        Network net = network("tanh", "softmax", 3);
        StandardScaler scaler = StandardScaler.fit(rows());
        Path model = dir.resolve("iris.bp");
        ModelArchive.save(
                model,
                net,
                "categorical-cross-entropy",
                ModelInfo.classifier("iris", List.of("setosa", "versicolor", "virginica"), scaler));
        Path onnx = dir.resolve("out/iris.onnx");

        CommandRun run =
                CommandRun.of("export", "--model", model.toString(), "--onnx", onnx.toString(), "--dtype", "float64");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("ONNX model written to " + onnx + ": network 3-5-3, opset 17, float64, input 'input'"
                        + " [batch, 3], output 'output' [batch, 3], input scaler included");
        // bp's own prediction: the scaler, then the network
        DMatrixRMaj bp = net.forward(scaler.transform(rows()));
        assertClose(runOnnx(onnx, ROWS, true), bp, 1e-12);
        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(onnx.toString())) {
            assertThat(session.getMetadata().getCustomMetadata())
                    .containsEntry("bp.classes", "[\"setosa\",\"versicolor\",\"virginica\"]")
                    .containsEntry("bp.task", "classification");
        }
    }

    @Test
    void regressionWithTargetScaler_inDefaultFloat32_givesValuesInTargetUnits() throws Exception {
        Network net = network("relu", "identity", 1);
        MinMaxScaler features = MinMaxScaler.fit(rows());
        MinMaxScaler target = MinMaxScaler.fit(new DMatrixRMaj(new double[][] {{0.2}, {1.5}, {2.5}, {1.3}}));
        Path model = dir.resolve("reg.bp");
        ModelArchive.save(model, net, "mse", ModelInfo.regression("regression", features, target));
        Path onnx = dir.resolve("reg.onnx");

        CommandRun run = CommandRun.of("export", "--model", model.toString(), "--onnx", onnx.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        // bp's own prediction, as bp predict computes it: scale, network, undo the target scaling
        DMatrixRMaj scaled = net.forward(features.transform(rows()));
        DMatrixRMaj bp = new DMatrixRMaj(scaled.numRows, 1);
        target.inverseTransform(scaled, bp);
        // rows rounded to floats: tolerance of float32 serving
        assertClose(runOnnx(onnx, ROWS, false), bp, 1e-5);
    }

    @Test
    void badDtypeAndOpset_areBadOptions_exitCode2() throws IOException {
        Path model = dir.resolve("m.bp");
        ModelArchive.save(model, network("tanh", "sigmoid", 1), "mse", ModelInfo.regression("x", null, null));

        CommandRun dtype = CommandRun.of("export", "--model", model.toString(), "--onnx", "m.onnx", "--dtype", "f16");
        CommandRun opset = CommandRun.of("export", "--model", model.toString(), "--onnx", "m.onnx", "--opset", "8");

        assertThat(dtype.exitCode()).isEqualTo(2);
        assertThat(dtype.err()).contains("--dtype must be float32 or float64, got 'f16'");
        assertThat(opset.exitCode()).isEqualTo(2);
        assertThat(opset.err()).contains("--opset: ONNX opset 8 is not supported: bp exports opsets 9 to 21");
        assertThat(Path.of("m.onnx")).doesNotExist();
    }

    @Test
    void unwritablePath_andMissingModel_areBadInput_exitCode3() throws IOException {
        Path model = dir.resolve("m.bp");
        ModelArchive.save(model, network("tanh", "sigmoid", 1), "mse", ModelInfo.regression("x", null, null));
        Path notAFolder = Files.writeString(dir.resolve("file.txt"), "x");
        Path folderAsTarget = Files.createDirectory(dir.resolve("taken.onnx"));

        CommandRun underFile = CommandRun.of(
                "export",
                "--model",
                model.toString(),
                "--onnx",
                notAFolder.resolve("m.onnx").toString());
        CommandRun onFolder = CommandRun.of("export", "--model", model.toString(), "--onnx", folderAsTarget.toString());
        CommandRun missing = CommandRun.of(
                "export",
                "--model",
                dir.resolve("none.bp").toString(),
                "--onnx",
                dir.resolve("n.onnx").toString());

        assertThat(underFile.exitCode()).as(underFile.toString()).isEqualTo(3);
        assertThat(underFile.err())
                .startsWith("bp export: cannot create the folder " + notAFolder + " for the ONNX model");
        assertThat(onFolder.exitCode()).isEqualTo(3);
        assertThat(onFolder.err()).contains("taken.onnx: it is a directory; only a regular file is replaced");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("none.bp does not exist");
    }
}
