package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XorCommandTest {

    @Test
    void outputs_roundToTheXorTruthTable() {
        CommandRun run = CommandRun.of("xor", "--epochs", "5", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // XOR by definition: (0,0) → 0, (0,1) → 1, (1,0) → 1, (1,1) → 0; rounding means the output is on the
        // target's side of 0.5
        assertThat(run.number("out_00")).isLessThan(0.5);
        assertThat(run.number("out_01")).isGreaterThan(0.5);
        assertThat(run.number("out_10")).isGreaterThan(0.5);
        assertThat(run.number("out_11")).isLessThan(0.5);
        assertThat(run.json()).containsEntry("learned", true).containsEntry("epochs", 5.0);
        assertThat(run.out()).contains("XOR learned");
    }

    @Test
    void tooLittleTraining_exitsWithOne() {
        // one epoch of one pass is a single SGD step from random weights: too little to separate XOR
        CommandRun run = CommandRun.of("xor", "--epochs", "1", "--repeat", "1", "--json");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(BpCommand.CHECK_FAILED);
        assertThat(run.json()).containsEntry("learned", false);
        assertThat(run.out()).contains("WRONG");
    }

    @Test
    void badRepeat_isABadOption() {
        assertThat(CommandRun.of("xor", "--repeat", "0").exitCode()).isEqualTo(2);
    }
}
