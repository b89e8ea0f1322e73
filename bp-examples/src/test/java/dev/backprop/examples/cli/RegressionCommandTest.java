package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.data.TabularDataset;
import dev.backprop.datasets.EmbeddedDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionCommandTest {

    @Test
    void petalWidth_isTheFourthMeasurementAndTheFeaturesTheOtherThree() {
        TabularDataset data = RegressionCommand.petalWidth(EmbeddedDatasets.iris());
        assertThat(data.featureCount()).isEqualTo(3);
        // the first flower of Fisher's table: 5.1, 3.5, 1.4, 0.2
        assertThat(data.features().get(0, 2)).isEqualTo(1.4);
        assertThat(data.targets().get(0, 0)).isEqualTo(0.2);
    }

    @Test
    void testR2_approachesTheLinearFitAndTheFiguresAgree(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("h.csv");
        CommandRun run = CommandRun.of("regression", "--json", "--history", csv.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // numpy: least squares of petal width on the other three measurements (and 1) over all 150 flowers has
        // R^2 = 0.9379; a small network on 70% of them should reach 0.9 on the other 30%
        assertThat(run.number("test_r2")).isGreaterThan(0.9);
        // test loss is MSE on the standardised target, so R^2 = 1 − MSE / var_test; both are below 1 and related
        assertThat(run.number("test_loss")).isLessThan(0.15);

        List<String> lines = Files.readAllLines(csv);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertThat(header).contains("train.loss", "test.loss", "test.r2");
        // the default is 60 epochs: one row each
        assertThat(lines).hasSize(1 + 60);
        String[] last = lines.get(60).split(",", 0);
        assertThat(Double.parseDouble(last[header.indexOf("test.loss")])).isEqualTo(run.number("test_loss"));
        assertThat(Double.parseDouble(last[header.indexOf("train.loss")])).isEqualTo(run.number("train_loss"));
        // seed 001's history: both losses fall, the last test loss well below the first
        double firstTest = Double.parseDouble(lines.get(1).split(",", 0)[header.indexOf("test.loss")]);
        assertThat(run.number("test_loss")).isLessThan(firstTest);
    }

    @Test
    void rmseInCentimetres_isTheStandardisedRmseTimesTheTargetDeviation() {
        CommandRun run = CommandRun.of("regression", "--epochs", "5", "--json");
        String header = run.lineStartingWith("iris petal width");
        // the printed deviation of the training targets, "sd 0.7430 cm"
        double sd = Double.parseDouble(header.replaceAll(".*sd ([0-9.]+) cm.*", "$1"));
        // by hand: RMSE_cm = sqrt(MSE_standardised) · σ; σ is printed to 4 decimals
        assertThat(run.number("test_rmse_cm")).isCloseTo(Math.sqrt(run.number("test_loss")) * sd, within(1e-4));
    }
}
