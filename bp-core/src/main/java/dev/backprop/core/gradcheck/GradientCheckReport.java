package dev.backprop.core.gradcheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a gradient check: every compared entry, the largest errors, and whether there were entries and all
 * of them were within tolerance.
 */
public final class GradientCheckReport {

    private final List<GradientEntry> entries;
    private final double epsilon;
    private final double relativeTolerance;
    private final double absoluteTolerance;

    GradientCheckReport(
            List<GradientEntry> entries, double epsilon, double relativeTolerance, double absoluteTolerance) {
        this.entries = List.copyOf(entries);
        this.epsilon = epsilon;
        this.relativeTolerance = relativeTolerance;
        this.absoluteTolerance = absoluteTolerance;
    }

    /** Every compared entry, in parameter order. */
    public List<GradientEntry> entries() {
        return entries;
    }

    /**
     * Whether every entry passed. A report that compared no entry has not passed: a check that looked at nothing
     * proves nothing, and most likely was asked about the wrong parameters.
     */
    public boolean passed() {
        if (entries.isEmpty()) {
            return false;
        }
        for (GradientEntry e : entries) {
            if (!e.passed()) {
                return false;
            }
        }
        return true;
    }

    /** The entries that failed. */
    public List<GradientEntry> failures() {
        List<GradientEntry> failed = new ArrayList<>();
        for (GradientEntry e : entries) {
            if (!e.passed()) {
                failed.add(e);
            }
        }
        return failed;
    }

    /** The largest relative error of any entry. */
    public double maxRelativeError() {
        double max = 0;
        for (GradientEntry e : entries) {
            max = Math.max(max, e.relativeError());
        }
        return max;
    }

    /** The largest absolute error of any entry. */
    public double maxAbsoluteError() {
        double max = 0;
        for (GradientEntry e : entries) {
            max = Math.max(max, e.absoluteError());
        }
        return max;
    }

    /** The {@code k} entries with the largest relative errors, largest first. */
    public List<GradientEntry> worst(int k) {
        List<GradientEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingDouble(GradientEntry::relativeError)
                .reversed()
                .thenComparing(
                        Comparator.comparingDouble(GradientEntry::absoluteError).reversed()));
        return sorted.subList(0, Math.min(k, sorted.size()));
    }

    /** The relative step ε used for the central differences; entry θ was moved by {@code ε · max(1, |θ|)}. */
    public double epsilon() {
        return epsilon;
    }

    /** A summary: the verdict, the tolerances, the largest errors and the five worst entries. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "Gradient check %s: %d entries, %d failed, max relative error %.3e, max absolute error %.3e"
                        + " (eps=%.1e, rtol=%.1e, atol=%.1e)",
                passed() ? "passed" : "FAILED",
                entries.size(),
                failures().size(),
                maxRelativeError(),
                maxAbsoluteError(),
                epsilon,
                relativeTolerance,
                absoluteTolerance));
        if (entries.isEmpty()) {
            sb.append("; nothing was compared");
        }
        for (GradientEntry e : worst(5)) {
            sb.append("\n  ").append(e);
        }
        return sb.toString();
    }
}
