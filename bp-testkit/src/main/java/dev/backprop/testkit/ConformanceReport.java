package dev.backprop.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The results of every conformance check of one component, e.g. {@code activation leaky-relu(alpha=0.1)}. */
public final class ConformanceReport {

    private final String subject;
    private final List<CheckResult> results;

    ConformanceReport(String subject, List<CheckResult> results) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.results = List.copyOf(results);
    }

    /** What was checked, e.g. {@code activation leaky-relu(alpha=0.1)}. */
    public String subject() {
        return subject;
    }

    /** Every check, in the order run. */
    public List<CheckResult> results() {
        return results;
    }

    /** Whether every check passed. */
    public boolean passed() {
        return failures().isEmpty();
    }

    /** The checks that failed. */
    public List<CheckResult> failures() {
        List<CheckResult> failed = new ArrayList<>();
        for (CheckResult r : results) {
            if (!r.passed()) {
                failed.add(r);
            }
        }
        return failed;
    }

    /**
     * The largest relative error {@code |analytic − numeric| / max(|analytic|, |numeric|, 1e-2)} of the
     * derivative (or gradient) check against central differences, or NaN if that check could not run.
     */
    public double maxRelativeError() {
        double max = Double.NaN;
        for (CheckResult r : results) {
            if (!Double.isNaN(r.maxRelativeError())) {
                max = Double.isNaN(max) ? r.maxRelativeError() : Math.max(max, r.maxRelativeError());
            }
        }
        return max;
    }

    /**
     * Returns normally when every check passed.
     *
     * @throws AssertionError listing every failed check with its message
     */
    public void assertPassed() {
        List<CheckResult> failed = failures();
        if (!failed.isEmpty()) {
            StringBuilder sb = new StringBuilder(subject)
                    .append(" fails ")
                    .append(failed.size())
                    .append(failed.size() == 1 ? " conformance check:" : " conformance checks:");
            for (CheckResult r : failed) {
                sb.append("\n  ").append(r);
            }
            throw new AssertionError(sb.toString());
        }
    }

    /** The subject, the verdict and one line per check. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(subject).append(passed() ? ": conforms" : ": DOES NOT CONFORM");
        for (CheckResult r : results) {
            sb.append("\n  ").append(r);
        }
        return sb.toString();
    }
}
