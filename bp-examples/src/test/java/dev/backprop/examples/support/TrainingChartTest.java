package dev.backprop.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.train.EpochRecord;
import dev.backprop.core.train.History;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingChartTest {

    @Test
    void lossAndAccuracy_areTwoPanelsSideBySide(@TempDir Path dir) throws IOException {
        History history = new History(List.of(
                new EpochRecord(0, 0.9, Map.of("test.loss", 1.0, "test.accuracy", 0.6), 0.1, 1),
                new EpochRecord(1, 0.5, Map.of("test.loss", 0.7, "test.accuracy", 0.8), 0.1, 1)));
        Path png = dir.resolve("chart.png");
        TrainingChart.write(history, "test", png);
        BufferedImage image = ImageIO.read(png.toFile());
        // by hand: two panels of 640 × 420 under a title band of 36
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(456);
    }

    @Test
    void lossOnly_isOnePanel(@TempDir Path dir) throws IOException {
        History history = new History(List.of(new EpochRecord(0, 0.9, Map.of("test.loss", 1.0), 0.1, 1)));
        Path png = dir.resolve("chart.png");
        TrainingChart.write(history, "test", png);
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(640);
    }

    @Test
    void legends_useWordsForTheKeys() {
        // by hand, from the keys the training commands record
        assertThat(TrainingChart.label("train.loss")).isEqualTo("training loss (batch mean)");
        assertThat(TrainingChart.label("train-eval.loss")).isEqualTo("training loss (after the epoch)");
        assertThat(TrainingChart.label("train-eval.accuracy")).isEqualTo("training accuracy");
        assertThat(TrainingChart.label("test.accuracy")).isEqualTo("test accuracy");
        assertThat(TrainingChart.label("test.loss")).isEqualTo("test loss");
        assertThat(TrainingChart.label("xor.loss")).isEqualTo("xor loss");
    }

    @Test
    void aSetKeepsItsColourInBothPanels(@TempDir Path dir) throws IOException {
        History history = new History(List.of(
                new EpochRecord(0, 0.9, Map.of("test.loss", 1.0, "test.accuracy", 0.6), 0.1, 1),
                new EpochRecord(1, 0.5, Map.of("test.loss", 0.7, "test.accuracy", 0.8), 0.1, 1)));
        Path png = dir.resolve("chart.png");
        TrainingChart.write(history, "test", png);
        BufferedImage image = ImageIO.read(png.toFile());
        // the palette's first colour (blue 1f77b4) goes to train.loss, the second (orange ff7f0e) to the test set:
        // orange in both panels, blue only in the loss panel
        int blue = 0x1f77b4;
        int orange = 0xff7f0e;
        assertThat(count(image, 0, 640, orange)).isPositive();
        assertThat(count(image, 640, 1280, orange)).isPositive();
        assertThat(count(image, 0, 640, blue)).isPositive();
        assertThat(count(image, 640, 1280, blue)).isZero();
    }

    /** The pixels of exactly the colour in the columns [from, to). */
    private static int count(BufferedImage image, int from, int to, int rgb) {
        int n = 0;
        for (int x = from; x < to; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void emptyHistory_isRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> TrainingChart.write(new History(), "test", dir.resolve("c.png")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the history has no epochs");
    }
}
