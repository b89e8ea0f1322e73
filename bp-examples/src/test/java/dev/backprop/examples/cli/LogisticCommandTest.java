package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.data.LabeledDataset;
import dev.backprop.data.scaling.StandardScaler;
import dev.backprop.data.split.Splits;
import dev.backprop.data.split.TrainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogisticCommandTest {

    @Test
    void versicolorVirginica_isTheHundredFlowersOfTheTwoSpecies() {
        LabeledDataset data = LogisticCommand.versicolorVirginica();
        // Fisher's iris: 50 flowers per species
        assertThat(data.size()).isEqualTo(100);
        assertThat(data.classNames()).containsExactly("versicolor", "virginica");
        int ones = 0;
        for (int label : data.labels()) {
            ones += label;
        }
        assertThat(ones).isEqualTo(50);
        // the first versicolor of the classic table: 7.0, 3.2, 4.7, 1.4
        assertThat(data.features().get(0, 0)).isEqualTo(7.0);
        assertThat(data.features().get(0, 3)).isEqualTo(1.4);
    }

    @Test
    void testAccuracy_isHighAndTheReportedLossIsTheCrossEntropyOfThePrintedWeights() {
        CommandRun run = CommandRun.of("logistic", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // scipy: an unregularised logistic regression fit by BFGS on all 100 standardised flowers classifies 0.98
        // of them correctly; 30 held-out flowers with 30 epochs of SGD should reach 0.9 (at most 3 errors)
        assertThat(run.number("test_accuracy")).isGreaterThanOrEqualTo(0.9);

        // recompute the test loss by hand from the printed w and b: L = −mean(y log p + (1 − y) log(1 − p)),
        // p = 1 / (1 + exp(−(x w + b))), on the same split and scaling
        double[] w = {run.number("w1"), run.number("w2"), run.number("w3"), run.number("w4")};
        double b = run.number("b");
        TrainTest<LabeledDataset> split = Splits.trainTest(LogisticCommand.versicolorVirginica(), 0.3, 1, true);
        StandardScaler scaler = StandardScaler.fit(split.train().features());
        DMatrixRMaj x = scaler.transform(split.test().features());
        int[] y = split.test().labels();
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < y.length; i++) {
            double z = b;
            for (int j = 0; j < 4; j++) {
                z += x.get(i, j) * w[j];
            }
            double p = 1 / (1 + Math.exp(-z));
            loss -= y[i] == 1 ? Math.log(p) : Math.log(1 - p);
            correct += (p >= 0.5 ? 1 : 0) == y[i] ? 1 : 0;
        }
        assertThat(run.number("test_loss")).isCloseTo(loss / y.length, within(1e-12));
        assertThat(run.number("test_accuracy")).isEqualTo((double) correct / y.length);
        assertThat(run.out()).contains("test accuracy").contains("(" + correct + " of " + y.length + ")");
    }

    @Test
    void historyCsv_hasOneRowPerEpochWithLossesBelowTheStartingValue(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("history.csv");
        CommandRun run = CommandRun.of("logistic", "--epochs", "3", "--history", csv.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("epoch,train.loss,");
        assertThat(lines).hasSize(1 + 3);
        int column = Arrays.asList(lines.get(0).split(",")).indexOf("train.loss");
        double previous = Double.POSITIVE_INFINITY;
        for (String line : lines.subList(1, lines.size())) {
            double loss = Double.parseDouble(line.split(",", 0)[column]);
            // by hand: with w = 0 and b = 0 every p is 1/2, so the first batch's loss is log 2 and the epoch means
            // fall below it as training proceeds
            assertThat(loss).isLessThan(Math.log(2)).isLessThan(previous);
            previous = loss;
        }
    }
}
