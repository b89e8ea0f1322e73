package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigitsCommandTest {

    @Test
    void fiveEpochs_reachNinetyPercentOnTheHeldOutDigits() {
        CommandRun run = CommandRun.of("digits", "--epochs", "5", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // scipy: a multinomial logistic regression (L-BFGS, standardised pixels) scores 0.964 on a random 25% of
        // the 1,797 digits; a one-hidden-layer network after 5 epochs of SGD should pass 0.9
        assertThat(run.number("test_accuracy")).isGreaterThanOrEqualTo(0.9);
        // by hand: the classes have 178, 182, 177, 183, 181, 182, 181, 179, 174, 180 images; a stratified 25% takes
        // round(m · 0.25) of each: 45 + 46 + 44 + 46 + 45 + 46 + 45 + 45 + 44 + 45 = 451
        String summary = run.lineStartingWith("test accuracy");
        assertThat(summary).contains(" of 451)");
        long correct = Long.parseLong(summary.replaceAll(".*\\((\\d+) of 451\\).*", "$1"));
        assertThat(run.number("test_accuracy")).isEqualTo(correct / 451.0);
    }
}
