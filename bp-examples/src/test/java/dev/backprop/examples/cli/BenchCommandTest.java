package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void throughputAndTimePerStep_describeTheSameRun() {
        CommandRun run = CommandRun.of(
                "bench", "--hidden", "16", "--batch-size", "32", "--warmup", "5", "--steps", "20", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // by hand: 20 timed steps of full batches of 32 (the 2,000 samples make 62 full batches per epoch)
        assertThat(run.number("steps")).isEqualTo(20);
        assertThat(run.number("samples")).isEqualTo(640);
        // by hand: samples/s × s/step = samples per step = 32
        assertThat(run.number("samples_per_second") * run.number("ms_per_step") / 1000)
                .isCloseTo(32, within(1e-9));
        // and samples / seconds = samples/s
        assertThat(run.number("samples") / run.number("seconds"))
                .isCloseTo(run.number("samples_per_second"), within(1e-6 * run.number("samples_per_second")));
        // by hand: 784·16 + 16 + 16·10 + 10 = 12,730 parameters
        assertThat(run.number("parameters")).isEqualTo(12730);
    }

    @Test
    void seconds_runsAtLeastThatLong() {
        CommandRun run = CommandRun.of(
                "bench", "--hidden", "8", "--batch-size", "16", "--warmup", "0", "--seconds", "0.2", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.number("seconds")).isGreaterThanOrEqualTo(0.2);
        assertThat(run.number("steps")).isPositive();
    }

    @Test
    void backendAndThreads_areUsedAndReported() {
        CommandRun run = CommandRun.of(
                "bench",
                "--hidden",
                "8",
                "--batch-size",
                "16",
                "--warmup",
                "0",
                "--steps",
                "3",
                "--backend",
                "ejml",
                "--threads",
                "3",
                "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // the values given on the command line
        assertThat(run.number("threads")).isEqualTo(3);
        assertThat(run.json().get("backend")).isEqualTo("ejml");
        assertThat(run.lineStartingWith("matrix backend")).contains("ejml").contains("3 threads");
    }

    @Test
    void unknownBackend_isABadOption_listingTheInstalledOnes() {
        CommandRun run = CommandRun.of("bench", "--backend", "cuda", "--steps", "1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown matrix backend 'cuda'").contains("ejml");
    }

    @Test
    void threadsBelowOne_isABadOption() {
        CommandRun run = CommandRun.of("bench", "--threads", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("bp bench: --threads must be at least 1, got 0");
    }

    @Test
    void badBatchSize_isABadOption() {
        CommandRun run = CommandRun.of("bench", "--batch-size", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("bp bench: --batch-size must be at least 1, got 0");
    }
}
