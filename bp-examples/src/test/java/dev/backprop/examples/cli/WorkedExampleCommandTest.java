package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkedExampleCommandTest {

    /** One printed row: step, total error, output 1, output 2. */
    private record Row(int step, double error, double out1, double out2) {}

    private static List<Row> section(CommandRun run, String title) {
        List<String> lines = run.lines();
        int start = lines.indexOf(title);
        assertThat(start).as("section '%s' in\n%s", title, run.out()).isNotNegative();
        List<Row> rows = new ArrayList<>();
        for (int i = start + 2;
                i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).startsWith("{");
                i++) {
            String[] f = lines.get(i).strip().split("\\s+", 0);
            rows.add(new Row(
                    Integer.parseInt(f[0]),
                    Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]),
                    Double.parseDouble(f[3])));
        }
        return rows;
    }

    // Expected values: computed independently, neuron by neuron in Python with the scalar chain rule of seed 004
    // (dE/dw5 = (out_o1 − t1)·out_o1(1 − out_o1)·out_h1, and so on for every weight and bias; plain floats, no
    // matrices), then the total error and both outputs of a forward pass after the step.
    @Test
    void biasesFixed_matchTheScalarChainRuleToTwelveDigits() {
        CommandRun run = CommandRun.of("worked-example");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<Row> fixed = section(run, "biases fixed (as in the classic example)");
        assertThat(fixed).extracting(Row::step).containsExactly(1, 100, 1000, 10000);
        assertThat(fixed.get(0).error()).isCloseTo(0.29102777369359933, within(1e-12));
        assertThat(fixed.get(0).out1()).isCloseTo(0.7420881111907824, within(1e-12));
        assertThat(fixed.get(0).out2()).isCloseTo(0.7752849682944595, within(1e-12));
        assertThat(fixed.get(1).error()).isCloseTo(0.02004682824942521, within(1e-12));
        assertThat(fixed.get(2).error()).isCloseTo(0.001114349453733746, within(1e-12));
        assertThat(fixed.get(3).error()).isCloseTo(3.510187782978859e-05, within(1e-12));
        assertThat(fixed.get(3).out1()).isCloseTo(0.01591362044355068, within(1e-12));
        assertThat(fixed.get(3).out2()).isCloseTo(0.9840642735146238, within(1e-12));
    }

    @Test
    void publishedFigure_isTheErrorSeenInTheTenThousandthStep() {
        // The classic published run reports 0.0000351085 "after 10,000 rounds" with the biases fixed. That is the
        // error of the forward pass in round 10,000, before its update: after 9,999 updates. The same Python
        // computation as above gives 3.510854812251261e-05 after 9,999 updates (and 3.510187782978859e-05 after
        // 10,000), so the published digits match step 9,999 to their rounding.
        CommandRun run = CommandRun.of("worked-example", "--steps", "9999,10000");
        List<Row> fixed = section(run, "biases fixed (as in the classic example)");
        assertThat(fixed.get(0).step()).isEqualTo(9999);
        assertThat(fixed.get(0).error())
                .isCloseTo(3.510854812251261e-05, within(1e-12))
                .isCloseTo(0.0000351085, within(5e-11));
    }

    @Test
    void biasesTrained_matchTheScalarChainRuleToTwelveDigits() {
        CommandRun run = CommandRun.of("worked-example");
        List<Row> trained = section(run, "every bias trained");
        assertThat(trained).extracting(Row::step).containsExactly(1, 100, 1000, 10000);
        assertThat(trained.get(0).error()).isCloseTo(0.28047144679143016, within(1e-12));
        assertThat(trained.get(1).error()).isCloseTo(0.006083131061206281, within(1e-12));
        assertThat(trained.get(2).error()).isCloseTo(0.00027070458789574324, within(1e-12));
        assertThat(trained.get(3).error()).isCloseTo(2.4475622359322466e-06, within(1e-12));
        assertThat(trained.get(3).out1()).isCloseTo(0.011587527390870083, within(1e-12));
        assertThat(trained.get(3).out2()).isCloseTo(0.9884589350256716, within(1e-12));
    }

    @Test
    void json_lastLineHasTheFinalFiguresOfBothVariants() {
        CommandRun run = CommandRun.of("worked-example", "--steps", "1,100", "--json");
        assertThat(run.json()).containsEntry("command", "worked-example").containsEntry("steps", 100.0);
        // same independent computation as above, step 100
        assertThat(run.number("fixed_bias_error")).isCloseTo(0.02004682824942521, within(1e-12));
        assertThat(run.number("trained_bias_error")).isCloseTo(0.006083131061206281, within(1e-12));
    }
}
