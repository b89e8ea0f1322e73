package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.data.LabeledDataset;
import dev.backprop.datasets.EmbeddedDatasets;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistCommandTest {

    @Test
    void fewEpochsOnASubset_beatTheNearestCentroidBaseline() {
        CommandRun run =
                CommandRun.of("mnist", "--epochs", "4", "--train-limit", "2000", "--test-limit", "500", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // numpy: a nearest-centroid classifier (class means of the same 2,000 training images, Euclidean distance)
        // labels 0.794 of the same 500 test images; a trained network must do better
        assertThat(run.number("test_accuracy")).isGreaterThan(0.794);
        assertThat(run.json())
                .containsEntry("train_samples", 2000.0)
                .containsEntry("test_samples", 500.0)
                .containsEntry("epochs", 4.0);
        // every epoch prints its train and test accuracy: four rows under the header
        assertThat(run.lines())
                .filteredOn(l -> l.matches("\\s+[1-4]\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9.]+"))
                .hasSize(4);
    }

    @Test
    void gradientCheck_beforeTraining_passesWithATinyError() {
        CommandRun run = CommandRun.of("mnist", "--epochs", "1", "--train-limit", "200", "--test-limit", "100");
        String check = run.lineStartingWith("gradient check on 3 images");
        assertThat(check).contains("passed");
        double maxRelative = Double.parseDouble(check.replaceAll(".*max relative error ([0-9.eE+-]+).*", "$1"));
        // central differences with eps = 1e-6 are exact to O(eps^2) plus rounding of about u / eps = 2e-10
        // relative to the loss; a correct backward pass stays far below 1e-4 (PyTorch's gradcheck allows 1e-3)
        assertThat(maxRelative).isLessThan(1e-4);
    }

    @Test
    void dataFolder_readsTheStandardIdxFiles(@TempDir Path dir) throws IOException {
        LabeledDataset train = EmbeddedDatasets.mnistTrain();
        LabeledDataset test = EmbeddedDatasets.mnistTest();
        writeIdx(train, 300, dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"));
        writeIdx(test, 100, dir.resolve("t10k-images-idx3-ubyte"), dir.resolve("t10k-labels-idx1-ubyte"));
        CommandRun run =
                CommandRun.of("mnist", "--data", dir.toString(), "--epochs", "1", "--check-samples", "0", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json()).containsEntry("train_samples", 300.0).containsEntry("test_samples", 100.0);
        assertThat(run.out()).contains("MNIST from " + dir);
    }

    @Test
    void missingDataFolderFiles_areBadInputWithOneLine(@TempDir Path dir) {
        CommandRun run = CommandRun.of("mnist", "--data", dir.toString());
        assertThat(run.exitCode()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(run.err().strip())
                .startsWith("bp mnist: ")
                .contains("train-images-idx3-ubyte")
                .doesNotContain("\n");
    }

    /**
     * Writes the first n samples in the IDX format (Y. LeCun's MNIST page): a magic number of two zero bytes, the
     * type 0x08 (unsigned byte) and the number of dimensions, then each dimension as a big-endian int, then the
     * data; pixels back to bytes by round(255 · x).
     */
    private static void writeIdx(LabeledDataset data, int n, Path images, Path labels) throws IOException {
        try (DataOutputStream out = new DataOutputStream(open(images))) {
            out.writeInt(0x00000803);
            out.writeInt(n);
            out.writeInt(28);
            out.writeInt(28);
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < 784; p++) {
                    out.writeByte((int) Math.round(255 * data.features().get(i, p)));
                }
            }
        }
        try (DataOutputStream out = new DataOutputStream(open(labels))) {
            out.writeInt(0x00000801);
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeByte(data.label(i));
            }
        }
    }

    private static OutputStream open(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
    }

    @Test
    void dataFolderMissing_isRefusedBeforeAnyTraining_namingTheFolder(@TempDir Path dir) {
        Path missing = dir.resolve("mnist");
        CommandRun run = CommandRun.of("mnist", "--data", missing.toString(), "--epochs", "1");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("bp mnist: the MNIST folder " + missing + " does not exist");
        assertThat(run.out()).doesNotContain("gradient check");
    }
}
