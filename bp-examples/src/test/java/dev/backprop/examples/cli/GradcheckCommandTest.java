package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GradcheckCommandTest {

    @Test
    void defaultNetwork_passesWithATinyRelativeError() {
        CommandRun run = CommandRun.of("gradcheck", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json()).containsEntry("passed", true).containsEntry("failed", 0.0);
        // by hand: 4-5-4-3 has 4·5 + 5 + 5·4 + 4 + 4·3 + 3 = 64 weights and biases, all compared
        assertThat(run.number("entries")).isEqualTo(64);
        // central differences at eps = 1e-6: truncation O(eps^2) = 1e-12, rounding about u / eps = 2e-10 relative;
        // a correct gradient is far below 1e-5
        assertThat(run.number("max_relative_error")).isLessThan(1e-5);
    }

    @Test
    void otherActivationsAndLosses_passToo() {
        assertThat(CommandRun.of(
                                "gradcheck",
                                "--activation",
                                "sigmoid",
                                "--output-activation",
                                "identity",
                                "--loss",
                                "mse",
                                "--targets",
                                "uniform",
                                "--input-gradient")
                        .exitCode())
                .isZero();
        assertThat(CommandRun.of(
                                "gradcheck",
                                "--hidden",
                                "3",
                                "--activation",
                                "elu",
                                "--output-activation",
                                "sigmoid",
                                "--outputs",
                                "1",
                                "--loss",
                                "binary-cross-entropy",
                                "--targets",
                                "uniform")
                        .exitCode())
                .isZero();
    }

    @Test
    void coarseStep_failsTheCheckWithExitCodeOne() {
        // with eps = 0.5 the central difference's truncation error f'''·eps²/6 is of order 1e-2 relative, far
        // above rtol = 1e-9: the comparison must report failures
        CommandRun run = CommandRun.of("gradcheck", "--eps", "0.5", "--rtol", "1e-9", "--atol", "0", "--json");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(BpCommand.CHECK_FAILED);
        assertThat(run.json()).containsEntry("passed", false);
        assertThat(run.number("failed")).isPositive();
        assertThat(run.out()).contains("GRADIENT CHECK FAILED");
    }

    @Test
    void badOptions_exitWithTwo_andUnknownLossWithThree() {
        CommandRun zero = CommandRun.of("gradcheck", "--samples", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).startsWith("bp gradcheck: --samples must be at least 1, got 0");
        assertThat(CommandRun.of("gradcheck", "--targets", "banana").exitCode()).isEqualTo(2);
        assertThat(CommandRun.of("gradcheck", "--no-such-option").exitCode()).isEqualTo(2);
        CommandRun unknown = CommandRun.of("gradcheck", "--loss", "msee");
        assertThat(unknown.exitCode()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(unknown.err()).startsWith("bp gradcheck: Unknown loss 'msee'. Did you mean 'mse'?");
    }
}
