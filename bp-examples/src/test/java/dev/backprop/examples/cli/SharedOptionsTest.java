package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SharedOptionsTest {

    private static final List<String> COMMANDS = List.of(
            "worked-example",
            "trace",
            "xor",
            "logistic",
            "regression",
            "iris",
            "digits",
            "mnist",
            "gradcheck",
            "plugins",
            "predict",
            "bench");

    @Test
    void everyCommand_hasHelp() {
        for (String command : COMMANDS) {
            CommandRun run = CommandRun.of(command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: bp " + command);
        }
        assertThat(CommandRun.of("--help").out()).contains(COMMANDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xor", "logistic", "regression", "iris", "digits", "mnist"})
    void trainingCommands_refuseBadSharedOptionsWithExitTwo(String command) {
        CommandRun epochs = CommandRun.of(command, "--epochs", "0");
        assertThat(epochs.exitCode()).isEqualTo(2);
        assertThat(epochs.err())
                .startsWith("bp " + command + ": --epochs must be at least 1, got 0")
                .contains("Try 'bp " + command + " --help'");
        assertThat(epochs.out()).isEmpty();
        assertThat(CommandRun.of(command, "--lr", "-1").exitCode()).isEqualTo(2);
        assertThat(CommandRun.of(command, "--batch-size", "many").exitCode()).isEqualTo(2);
        assertThat(CommandRun.of(command, "--epoch", "3").exitCode()).isEqualTo(2);
    }

    @Test
    void unknownOptimizer_isBadInputNamingTheAvailableOnes() {
        CommandRun run = CommandRun.of("iris", "--optimizer", "adamm");
        assertThat(run.exitCode()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(run.err().strip())
                .startsWith("bp iris: Unknown optimizer 'adamm'. Did you mean 'adam'?")
                .doesNotContain("\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void learningRateGivenTwice_isABadOption() {
        CommandRun run = CommandRun.of("iris", "--lr", "0.1", "--optimizer", "adam(lr=0.01)");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the learning rate is given twice");
    }

    @Test
    void optimizerWithItsOwnRate_andHiddenLayers_areUsed() {
        CommandRun run = CommandRun.of(
                "iris",
                "--epochs",
                "2",
                "--optimizer",
                "adam(lr=0.01)",
                "--hidden",
                "6,5",
                "--activation",
                "leaky-relu(alpha=0.1)");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // by hand: 4·6 + 6 + 6·5 + 5 + 5·3 + 3 = 83 parameters
        assertThat(run.lineStartingWith("network"))
                .startsWith("network 4-6(leaky-relu(alpha=0.1))-5(leaky-relu(alpha=0.1))-3(softmax) (83 parameters)")
                .contains("optimizer adam(lr=0.01)");
    }

    @Test
    void badHiddenSizes_areABadOption() {
        CommandRun run = CommandRun.of("digits", "--hidden", "32,0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("bp digits: --hidden takes positive layer sizes");
    }

    @Test
    void unknownCommand_suggestsTheNearestOne() {
        CommandRun run = CommandRun.of("irs");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Did you mean: bp iris?");
    }
}
