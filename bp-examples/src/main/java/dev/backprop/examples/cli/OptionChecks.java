package dev.backprop.examples.cli;

import dev.backprop.core.registry.UnknownComponentException;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Range checks of option values that picocli's types do not express; a failure is a bad option (exit code 2). */
final class OptionChecks {

    private OptionChecks() {}

    /**
     * Builds what an option's text describes — a component spec such as {@code adam(lr=0.01)} — turning a refusal
     * of the text (its syntax, a parameter the component does not take or a value out of range) into a bad option.
     * An unknown component name is left as it is: a plug-in may be missing, which is bad input (exit code 3).
     *
     * @throws CommandLine.ParameterException naming the option, its value and the reason (exit code 2)
     */
    static <T> T component(CommandSpec spec, String option, String value, Supplier<T> create) {
        try {
            return create.get();
        } catch (UnknownComponentException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), option + " " + value + ": " + BpCommand.oneLine(e.getMessage()), e);
        }
    }

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

    /**
     * Checks that an integer option is between {@code minimum} and {@code maximum}.
     *
     * @throws CommandLine.ParameterException naming the option, the bounds and the value
     */
    static void between(CommandSpec spec, String option, long value, long minimum, long maximum, String why) {
        atLeast(spec, option, value, minimum);
        if (value > maximum) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), option + " must be at most " + maximum + " (" + why + "), got " + value);
        }
    }

    /**
     * One layer size of a list such as {@code --hidden 128,64}: ASCII digits only.
     *
     * @throws NumberFormatException if the text is empty (as from {@code --hidden ,}), not ASCII digits, or out of
     *                               the int range
     */
    static int layerSize(String text) {
        String s = text.strip();
        if (!s.matches("[0-9]{1,10}")) {
            throw new NumberFormatException(s);
        }
        long value = Long.parseLong(s);
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new NumberFormatException(s);
        }
        return (int) value;
    }

    /**
     * Checks that consecutive layer sizes give weight matrices a Java array can hold: {@code a × b} values at most
     * {@link Integer#MAX_VALUE}.
     *
     * @throws CommandLine.ParameterException naming the option, the two sizes and their product
     */
    static void matrixSizes(CommandSpec spec, String option, String text, List<Integer> sizes) {
        for (int i = 1; i < sizes.size(); i++) {
            long product = (long) sizes.get(i - 1) * sizes.get(i);
            if (product > Integer.MAX_VALUE) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        option + " " + text.strip() + ": layers of " + sizes.get(i - 1) + " and " + sizes.get(i)
                                + " need a weight matrix of " + product + " values, more than the "
                                + Integer.MAX_VALUE + " a Java array holds");
            }
        }
    }
}
