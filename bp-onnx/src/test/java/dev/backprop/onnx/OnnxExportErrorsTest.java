package dev.backprop.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.bp.BentIdentityProvider;
import dev.backprop.core.network.Network;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxGraph;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear error, and a failed export leaves the file system as it was. */
class OnnxExportErrorsTest {

    @TempDir
    Path folder;

    private static Network tanhNetwork() {
        return Network.builder().input(2).dense(3, "tanh").dense(1, "sigmoid").build();
    }

    @Test
    void activationWithoutOnnxForm_isRefused_namingLayerActivationAndClass() {
        Network net = Network.builder()
                .input(2)
                .dense(3, "tanh")
                .dense(2, new BentIdentityProvider().create(Config.empty()), true)
                .build();
        Path file = folder.resolve("m.onnx");

        assertThatThrownBy(() -> OnnxExport.write(net, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Layer 1's activation 'bent-identity'")
                .hasMessageContaining("com.example.bp.BentIdentityProvider$BentIdentity")
                .hasMessageContaining("has no ONNX form")
                .hasMessageContaining("dev.backprop.core.spi.OnnxExportable");
        assertThat(file).doesNotExist();
    }

    @Test
    void operatorNewerThanTheOpset_isRefused_namingOperatorAndBothOpsets() {
        Network net = Network.builder()
                .input(2)
                .dense(2, new MishOnlyActivation(), true)
                .build();
        ServingModel model = ServingModel.of(net);

        assertThatThrownBy(
                        () -> OnnxExport.toBytes(model, ExportOptions.defaults().withOpset(17)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ONNX operator 'Mish'")
                .hasMessageContaining("layer 0, activation 'mish-op'")
                .hasMessageContaining("needs opset 18 or newer")
                .hasMessageContaining("targets opset 17");
        // opset 18 has the operator (ONNX changelog: Mish-18)
        assertThat(OnnxExport.toBytes(model, ExportOptions.defaults().withOpset(18)))
                .isNotEmpty();
    }

    @Test
    void formReturningAnUnknownTensor_isRefused_namingIt() {
        Activation broken = new BentIdentityWithOnnxForm(new BentIdentityProvider().create(Config.empty()), true) {
            @Override
            public String toOnnx(OnnxGraph graph, String z) {
                return "no-such-tensor";
            }
        };
        Network net = Network.builder().input(2).dense(2, broken, true).build();

        assertThatThrownBy(() -> OnnxExport.toBytes(ServingModel.of(net), ExportOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(layer 0, activation 'bent-identity') returned the tensor 'no-such-tensor'");
    }

    @Test
    void opsetOutsideTheWrittenRange_isRefused_namingTheRange() {
        assertThatThrownBy(() -> ExportOptions.defaults().withOpset(8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ONNX opset 8 is not supported: bp exports opsets 9 to 21 (default 17)");
        assertThatThrownBy(() -> new ExportOptions(22, OnnxGraph.ElementType.FLOAT))
                .hasMessageContaining("opset 22 is not supported");
    }

    @Test
    void missingFolder_isAnIOException_namingThePath() {
        Path file = folder.resolve("no-such-folder").resolve("m.onnx");

        assertThatThrownBy(() -> OnnxExport.write(tanhNetwork(), file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void directoryAtTheTarget_isNeverReplaced() throws IOException {
        Path dir = Files.createDirectory(folder.resolve("m.onnx"));

        assertThatThrownBy(() -> OnnxExport.write(tanhNetwork(), dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("it is a directory");
        assertThat(dir).isDirectory();
    }

    @Test
    void symbolicLinkAtTheTarget_isNeverReplacedNorFollowed() throws IOException {
        Path real = Files.writeString(folder.resolve("real.txt"), "keep me");
        Path link = Files.createSymbolicLink(folder.resolve("m.onnx"), real);

        assertThatThrownBy(() -> OnnxExport.write(tanhNetwork(), link))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("it is a symbolic link");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("keep me");
    }

    @Test
    void failureWhileWriting_leavesTheOldFile_andNoTemporaryFile() throws IOException {
        Path file = Files.writeString(folder.resolve("m.onnx"), "previous model");

        assertThatThrownBy(() -> OnnxExport.write(
                        ServingModel.of(tanhNetwork()), file, ExportOptions.defaults(), out -> new OutputStream() {
                            @Override
                            public void write(int b) throws IOException {
                                throw new IOException("disk full");
                            }
                        }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("disk full")
                .hasMessageContaining(file.toString());
        assertThat(Files.readString(file)).isEqualTo("previous model");
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void scalingThatDoesNotFitTheNetwork_isRefused_namingBothWidths() {
        AffineScaling three = new AffineScaling(new double[3], new double[] {1, 1, 1});

        assertThatThrownBy(() -> ServingModel.of(tanhNetwork()).withInputScaling(three))
                .hasMessage("The input scaling has 3 columns but the network takes 2 inputs");
    }
}
