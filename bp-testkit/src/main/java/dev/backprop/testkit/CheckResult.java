package dev.backprop.testkit;

import java.util.Objects;

/**
 * The outcome of one conformance check.
 *
 * @param check            what was checked, e.g. {@code derivative}
 * @param passed           whether the component conforms
 * @param message          what was found: the numbers on success, the offending values and the fix on failure
 * @param maxRelativeError for gradient checks, the largest relative error of an entry compared; NaN otherwise
 */
public record CheckResult(String check, boolean passed, String message, double maxRelativeError) {

    /** Checks the fields. */
    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(message, "message");
    }

    /** A passed check without a gradient measurement. */
    static CheckResult pass(String check, String message) {
        return new CheckResult(check, true, message, Double.NaN);
    }

    /** A failed check without a gradient measurement. */
    static CheckResult fail(String check, String message) {
        return new CheckResult(check, false, message, Double.NaN);
    }

    /** {@code check: passed — message} or {@code check: FAILED — message}. */
    @Override
    public String toString() {
        return check + ": " + (passed ? "passed" : "FAILED") + " — " + message;
    }
}
