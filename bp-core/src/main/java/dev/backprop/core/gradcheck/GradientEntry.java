package dev.backprop.core.gradcheck;

import java.util.Locale;

/**
 * One compared entry of a gradient check.
 *
 * @param parameter     the parameter's name, e.g. {@code layer1.W}
 * @param row           the entry's row
 * @param column        the entry's column
 * @param analytic      the gradient backpropagation gave
 * @param numeric       the central-difference estimate
 * @param relativeError {@code |analytic − numeric| / max(|analytic|, |numeric|)}, or 0 when both are within the
 *                      absolute tolerance and rounding floor of zero
 * @param passed        whether the entry is within tolerance (see {@link GradientCheck})
 */
public record GradientEntry(
        String parameter, int row, int column, double analytic, double numeric, double relativeError, boolean passed) {

    /** The absolute difference. */
    public double absoluteError() {
        return Math.abs(analytic - numeric);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s[%d,%d]: analytic=%.10e numeric=%.10e relative error=%.3e%s",
                parameter,
                row,
                column,
                analytic,
                numeric,
                relativeError,
                passed ? "" : " FAILED");
    }
}
