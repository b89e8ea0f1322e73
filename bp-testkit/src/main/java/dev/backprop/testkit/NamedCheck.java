package dev.backprop.testkit;

import java.util.function.Supplier;

/**
 * One check of the kit, run lazily so that a dynamic test runs exactly one. An exception escaping the component
 * under test fails the check with the exception in the message instead of stopping the others.
 */
record NamedCheck(String name, Supplier<CheckResult> body) {

    /** Runs the check. */
    CheckResult run() {
        try {
            return body.get();
        } catch (RuntimeException e) {
            return CheckResult.fail(name, "threw " + e);
        }
    }
}
