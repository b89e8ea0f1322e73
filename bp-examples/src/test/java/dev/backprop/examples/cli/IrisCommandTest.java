package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IrisCommandTest {

    @Test
    void testAccuracy_isAtLeastNinetyPercentAndMatchesTheConfusionMatrix() {
        CommandRun run = CommandRun.of("iris", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // scipy: a softmax regression (no hidden layer) on the standardised measurements classifies 0.98 of the
        // 150 flowers correctly; the network should reach 0.9 on the 45 held out
        double accuracy = run.number("test_accuracy");
        assertThat(accuracy).isGreaterThanOrEqualTo(0.9);

        List<String> lines = run.lines();
        int top = lines.indexOf(run.lineStartingWith("confusion matrix"));
        long[][] counts = new long[3][3];
        for (int r = 0; r < 3; r++) {
            String[] cells = lines.get(top + 2 + r).strip().split("\\s+", 0);
            assertThat(cells[0])
                    .isEqualTo(List.of("setosa", "versicolor", "virginica").get(r));
            for (int c = 0; c < 3; c++) {
                counts[r][c] = Long.parseLong(cells[1 + c]);
            }
        }
        // by hand: a stratified 30% of 50 flowers per species is 15 per species, 45 in all
        for (long[] row : counts) {
            assertThat(Arrays.stream(row).sum()).isEqualTo(15);
        }
        // accuracy = trace / total
        assertThat((counts[0][0] + counts[1][1] + counts[2][2]) / 45.0).isEqualTo(accuracy);
        assertThat(run.json())
                .containsKeys(
                        "command", "epochs", "train_loss", "test_loss", "test_accuracy", "train_accuracy", "seconds");
    }

    @Test
    void plot_writesAPng(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("charts/iris.png");
        CommandRun run = CommandRun.of("iris", "--epochs", "3", "--plot", png.toString(), "--create-dirs");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        byte[] bytes = Files.readAllBytes(png);
        // the PNG signature (PNG specification, section 5.2): 137 80 78 71 13 10 26 10
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        assertThat(run.out()).contains("chart written to " + png);
    }

    @Test
    void badTestFraction_isABadOption() {
        CommandRun run = CommandRun.of("iris", "--test-fraction", "1.5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("bp iris: --test-fraction must be between 0 and 1 (exclusive), got 1.5");
        assertThat(run.out()).isEmpty();
    }
}
