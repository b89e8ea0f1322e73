package dev.backprop.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Range checks of option values that picocli's types do not express; a failure is a bad option (exit code 2). */
final class OptionChecks {

    private OptionChecks() {}

    /**
     * Checks that an integer option is at least {@code minimum}.
     *
     * @throws CommandLine.ParameterException naming the option, the bound and the value
     */
    static void atLeast(CommandSpec spec, String option, long value, long minimum) {
        if (value < minimum) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), option + " must be at least " + minimum + ", got " + value);
        }
    }

    /**
     * Checks that a share is strictly between 0 and 1.
     *
     * @throws CommandLine.ParameterException naming the option and the value
     */
    static void fraction(CommandSpec spec, String option, double value) {
        if (!(value > 0 && value < 1)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), option + " must be between 0 and 1" + " (exclusive), got " + value);
        }
    }

    /**
     * Checks that a real option is non-negative and finite.
     *
     * @throws CommandLine.ParameterException naming the option and the value
     */
    static void nonNegative(CommandSpec spec, String option, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), option + " must be a non-negative number, got " + value);
        }
    }

    /**
     * Checks that a real option is positive and finite.
     *
     * @throws CommandLine.ParameterException naming the option and the value
     */
    static void positive(CommandSpec spec, String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), option + " must be a positive number, got " + value);
        }
    }
}
