package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --loss} on the training commands: the same name-and-parameters syntax as {@code --optimizer}. */
class LossOptionTest {

    @Test
    void lossOption_replacesTheCommandsDefault_andIsPrinted() {
        CommandRun run = CommandRun.of("regression", "--epochs", "1", "--loss", "huber(delta=0.5)", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.lineStartingWith("network ")).contains("loss huber(delta=0.5)");
    }

    @Test
    void defaultLoss_isUnchanged_andShownInHelp() {
        assertThat(lossHelp("iris")).endsWith("(default: categorical-cross-entropy).");
        assertThat(lossHelp("xor")).endsWith("(default: binary-cross-entropy).");
        assertThat(lossHelp("logistic")).endsWith("(default: binary-cross-entropy).");
        assertThat(lossHelp("regression")).endsWith("(default: mse).");
        assertThat(lossHelp("digits")).endsWith("(default: categorical-cross-entropy).");
        assertThat(lossHelp("mnist")).endsWith("(default: categorical-cross-entropy).");
    }

    /** The help text of a command's --loss option, on one line. */
    private static String lossHelp(String command) {
        String help = CommandRun.of(command, "--help").out().replaceAll("\\s+", " ");
        int start = help.indexOf("--loss=SPEC Loss");
        return help.substring(start, help.indexOf(" --", start + 1));
    }

    @Test
    void unknownLoss_isBadInput_beforeAnyTraining_withTheAvailableNamesAndThePluginHint() {
        CommandRun run = CommandRun.of("iris", "--loss", "focal");

        assertThat(run.exitCode()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(run.err()).startsWith("bp iris: Unknown loss 'focal'.").contains("mse", "--plugin-path");
        assertThat(run.out()).doesNotContain("epoch");
    }

    @Test
    void lossThatDoesNotFitTheOutput_isBadInput_namingLossOutputAndReason() {
        // regression's output unit is linear, so its outputs leave [0, 1], which cross-entropy needs
        CommandRun run = CommandRun.of("regression", "--epochs", "1", "--loss", "categorical-cross-entropy");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(run.err())
                .startsWith("bp regression: --loss categorical-cross-entropy does not fit the regression network")
                .contains("1 identity unit(s)");
    }
}
