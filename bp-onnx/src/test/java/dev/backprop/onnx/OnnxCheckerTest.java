package dev.backprop.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.network.Network;
import dev.backprop.core.spi.OnnxGraph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported files pass the official ONNX checker ({@code onnx.checker.check_model} with {@code full_check},
 * which also runs shape inference), run by python3 with the onnx package. Skipped when either is missing.
 */
class OnnxCheckerTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path folder;

    @Test
    void everyBuiltInActivation_withScalers_inBothElementTypes_passesTheOnnxChecker() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "python3 is not installed");
        Assumptions.assumeTrue(
                run(List.of(PYTHON.toString(), "-c", "import onnx")) == 0, "the python onnx package is absent");
        List<String> activations = BuiltInActivationsOnnxTest.activations().toList();
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", """
                import onnx, sys
                for p in sys.argv[1:]:
                    onnx.checker.check_model(onnx.load(p), full_check=True)
                print(len(sys.argv) - 1)
                """));
        int written = 0;
        for (OnnxGraph.ElementType type : OnnxGraph.ElementType.values()) {
            for (int opset : new int[] {9, 13, ExportOptions.DEFAULT_OPSET}) {
                var builder = Network.builder().input(3);
                for (String activation : activations) {
                    builder.dense(4, activation, written % 2 == 0);
                }
                ServingModel model = ServingModel.of(builder.dense(2, "softmax").build())
                        .withInputScaling(new AffineScaling(new double[] {1, 2, 3}, new double[] {4, 5, 6}))
                        .withTargetScaling(new AffineScaling(new double[] {0, 1}, new double[] {2, 3}))
                        .withClassNames(List.of("a", "b"));
                Path file = folder.resolve("m-" + type + "-" + opset + ".onnx");
                OnnxExport.write(model, file, new ExportOptions(opset, type));
                command.add(file.toString());
                written++;
            }
        }

        assertThat(run(command)).as("onnx.checker exit code").isZero();
        assertThat(written).isEqualTo(6);
    }

    private int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("python.log").toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("python3 did not finish in 120 s");
        }
        int code = process.exitValue();
        if (code != 0 && command.size() > 3) {
            throw new AssertionError("onnx.checker refused a model: "
                    + Files.readString(folder.resolve("python.log"), StandardCharsets.UTF_8));
        }
        return code;
    }
}
