package dev.backprop.data.idx;

import static dev.backprop.data.idx.IdxFiles.gzip;
import static dev.backprop.data.idx.IdxFiles.idx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.data.LabeledDataset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistLoaderTest {

    private static final byte[] PIXELS = {0, (byte) 255, (byte) 128, 51, 0, 0, 1, 2, 3, 4, 5, (byte) 204};

    @Test
    void load_pair_scalesPixelsAndKeepsLabels() {
        byte[] images = idx(0x00000803, new long[] {2, 2, 3}, PIXELS);
        byte[] labels = idx(0x00000801, new long[] {2}, new byte[] {7, 3});
        LabeledDataset d = new MnistLoader()
                .load(new ByteArrayInputStream(images), "img", new ByteArrayInputStream(labels), "lbl");
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.featureCount()).isEqualTo(6);
        // by hand: 255 / 255 = 1, 128 / 255 = 0.50196..., 51 / 255 = 0.2, 204 / 255 = 0.8
        assertThat(d.features().get(0, 1)).isEqualTo(1.0);
        assertThat(d.features().get(0, 2)).isCloseTo(0.5019607843137255, within(1e-15));
        assertThat(d.features().get(0, 3)).isCloseTo(0.2, within(1e-15));
        assertThat(d.features().get(1, 5)).isCloseTo(0.8, within(1e-15));
        assertThat(d.labels()).containsExactly(7, 3);
        assertThat(d.classNames()).hasSize(10);
    }

    @Test
    void load_countsDiffer_failsNamingBoth() {
        byte[] images = idx(0x00000803, new long[] {2, 2, 3}, PIXELS);
        byte[] labels = idx(0x00000801, new long[] {3}, new byte[] {7, 3, 1});
        assertThatThrownBy(() -> new MnistLoader()
                        .load(new ByteArrayInputStream(images), "img.idx", new ByteArrayInputStream(labels), "lbl.idx"))
                .hasMessageContaining("img.idx has 2 images but lbl.idx has 3 labels");
    }

    @Test
    void load_labelAboveNine_failsNamingIndexAndValue() {
        byte[] images = idx(0x00000803, new long[] {2, 2, 3}, PIXELS);
        byte[] labels = idx(0x00000801, new long[] {2}, new byte[] {7, 10});
        assertThatThrownBy(() -> new MnistLoader()
                        .load(new ByteArrayInputStream(images), "img", new ByteArrayInputStream(labels), "lbl"))
                .hasMessageContaining("lbl label 1 is 10");
    }

    @Test
    void loadTrain_directoryWithStandardGzipNames(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idx(0x00000803, new long[] {2, 2, 3}, PIXELS)));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(0x00000801, new long[] {2}, new byte[] {4, 5}));
        LabeledDataset d = new MnistLoader().loadTrain(dir);
        assertThat(d.labels()).containsExactly(4, 5);
        assertThatThrownBy(() -> new MnistLoader().loadTest(dir))
                .hasMessageContaining("neither t10k-images-idx3-ubyte.gz nor t10k-images-idx3-ubyte");
    }

    @Test
    void loadFolder_testImagesOfAnotherSize_failBeforeTraining_namingBothFilesAndShapes(@TempDir Path dir)
            throws IOException {
        // training images 2 × 3 pixels, test images 3 × 2: the same 6 pixels, a different shape
        Files.write(dir.resolve("train-images-idx3-ubyte"), idx(0x00000803, new long[] {2, 2, 3}, PIXELS));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(0x00000801, new long[] {2}, new byte[] {4, 5}));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), idx(0x00000803, new long[] {2, 3, 2}, PIXELS));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(0x00000801, new long[] {2}, new byte[] {1, 2}));
        assertThatThrownBy(() -> new MnistLoader().loadFolder(dir))
                .hasMessageContaining(dir.resolve("t10k-images-idx3-ubyte") + " has images of 3 × 2 pixels but "
                        + dir.resolve("train-images-idx3-ubyte") + " has images of 2 × 3");
    }

    @Test
    void loadFolder_matchingSets_readsBoth(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), idx(0x00000803, new long[] {2, 2, 3}, PIXELS));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(0x00000801, new long[] {2}, new byte[] {4, 5}));
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(idx(0x00000803, new long[] {2, 2, 3}, PIXELS)));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(0x00000801, new long[] {2}, new byte[] {1, 2}));
        MnistFolder folder = new MnistLoader().loadFolder(dir);
        assertThat(folder.train().labels()).containsExactly(4, 5);
        assertThat(folder.test().labels()).containsExactly(1, 2);
        assertThat(folder.test().featureCount()).isEqualTo(6);
    }

    @Test
    void loadFolder_missingFolder_isNamedAsSuch(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("no-such-folder");
        assertThatThrownBy(() -> new MnistLoader().loadFolder(missing))
                .hasMessage("the MNIST folder " + missing + " does not exist");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThatThrownBy(() -> new MnistLoader().loadTrain(file)).hasMessageStartingWith(file + " is not a folder");
    }
}
