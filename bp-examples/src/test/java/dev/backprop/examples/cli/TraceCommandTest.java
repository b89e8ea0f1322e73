package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceCommandTest {

    @Test
    void updatedWeights_matchThePublishedWorkedExample() {
        CommandRun run = CommandRun.of("trace", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // the classic published worked example (seed 004's network, one step at lr 0.5): E_total = 0.298371109,
        // w5+ = 0.35891648, w6+ = 0.408666186, w7+ = 0.511301270, w8+ = 0.561370121, w1+ = 0.149780716,
        // w2+ = 0.19956143, w3+ = 0.24975114, w4+ = 0.29950229, each rounded there to 8 or 9 decimals
        assertThat(run.number("error")).isCloseTo(0.298371109, within(5e-10));
        assertThat(run.number("w5")).isCloseTo(0.35891648, within(5e-9));
        assertThat(run.number("w6")).isCloseTo(0.408666186, within(5e-10));
        assertThat(run.number("w7")).isCloseTo(0.511301270, within(5e-10));
        assertThat(run.number("w8")).isCloseTo(0.561370121, within(5e-10));
        assertThat(run.number("w1")).isCloseTo(0.149780716, within(5e-10));
        assertThat(run.number("w2")).isCloseTo(0.19956143, within(5e-9));
        assertThat(run.number("w3")).isCloseTo(0.24975114, within(5e-9));
        assertThat(run.number("w4")).isCloseTo(0.29950229, within(5e-9));
    }

    @Test
    void updatedWeightsAndBiases_matchNumpyToTwelveDigits() {
        CommandRun run = CommandRun.of("trace", "--json");
        // numpy: Z0 = X@W0 + b0; A0 = σ(Z0); Z1 = A0@W1 + b1; A1 = σ(Z1); d1 = (A1 − T)·A1·(1 − A1);
        // d0 = (d1@W1.T)·A0·(1 − A0); W1 − 0.5·A0.T@d1, W0 − 0.5·X.T@d0, b − 0.5·d.sum(0)
        assertThat(run.number("error")).isCloseTo(0.2983711087600027, within(1e-12));
        assertThat(run.number("w1")).isCloseTo(0.1497807161327628, within(1e-12));
        assertThat(run.number("w2")).isCloseTo(0.19956143226552567, within(1e-12));
        assertThat(run.number("w3")).isCloseTo(0.24975114363236958, within(1e-12));
        assertThat(run.number("w4")).isCloseTo(0.29950228726473915, within(1e-12));
        assertThat(run.number("w5")).isCloseTo(0.35891647971788465, within(1e-12));
        assertThat(run.number("w6")).isCloseTo(0.4086661860762334, within(1e-12));
        assertThat(run.number("w7")).isCloseTo(0.5113012702387375, within(1e-12));
        assertThat(run.number("w8")).isCloseTo(0.5613701211079891, within(1e-12));
        assertThat(run.number("b0_1")).isCloseTo(0.3456143226552565, within(1e-12));
        assertThat(run.number("b1_2")).isCloseTo(0.6190491182582781, within(1e-12));
        // the error after the step equals the worked example's step 1 with every bias trained (Python, scalar
        // chain rule, as in WorkedExampleCommandTest)
        assertThat(run.number("error_after")).isCloseTo(0.28047144679143016, within(1e-12));
    }

    @Test
    void everyQuantity_isPrintedWithItsSeedEquation() {
        CommandRun run = CommandRun.of("trace");
        List<String> labels = List.of(
                "Z0 = X W0 + b0",
                "A0 = f(Z0)",
                "Z1 = A0 W1 + b1",
                "A1 = f(Z1)",
                "delta1 = G * f'(Z1)",
                "dA0 = delta1 W1^T",
                "delta0 = dA0 * f'(Z0)",
                "dW1 = A0^T delta1",
                "db1 = column sums of delta1",
                "dW0 = X^T delta0",
                "W1 <- W1 - lr dW1",
                "W0 <- W0 - lr dW0");
        for (String label : labels) {
            assertThat(run.lineStartingWith(label)).contains("seed 00");
        }
        // numpy, as above: delta1 = [0.13849856162855695, -0.038098236516556236], printed to 12 decimals
        List<String> lines = run.lines();
        String delta1 = lines.get(lines.indexOf(run.lineStartingWith("delta1 = G")) + 1);
        assertThat(delta1.strip()).isEqualTo("[0.138498561629, -0.038098236517]");
    }
}
