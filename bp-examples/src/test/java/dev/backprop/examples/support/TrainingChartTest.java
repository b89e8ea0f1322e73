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
        // by hand: two panels of 640 × 420
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(420);
    }

    @Test
    void lossOnly_isOnePanel(@TempDir Path dir) throws IOException {
        History history = new History(List.of(new EpochRecord(0, 0.9, Map.of("test.loss", 1.0), 0.1, 1)));
        Path png = dir.resolve("chart.png");
        TrainingChart.write(history, "test", png);
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(640);
    }

    @Test
    void emptyHistory_isRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> TrainingChart.write(new History(), "test", dir.resolve("c.png")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the history has no epochs");
    }
}
