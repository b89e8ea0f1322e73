package dev.backprop.testkit;

import dev.backprop.core.gradcheck.GradientCheck;
import dev.backprop.core.gradcheck.GradientCheckReport;
import dev.backprop.core.gradcheck.GradientEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoublePredicate;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * Gradient checks by central differences that leave out points at a kink, where a derivative is not defined
 * and central differences average the two one-sided slopes.
 *
 * <p>The central differences {@code (f(x+ε) − f(x−ε))/2ε}, ε = 1e-6, come from {@link GradientCheck}. An entry
 * passes when its relative error {@code |analytic − numeric| / max(|analytic|, |numeric|, 1e-2)} is at most
 * 1e-6: the floor 1e-2 holds entries smaller than it to an absolute error of 1e-8 (GradientCheck's absolute
 * tolerance), because there the rounding error of the differences, about 1e-16 · |f| / ε, is no longer small
 * against the entry itself.
 *
 * <p>A failed entry is put down to a kink, and skipped, when it lies within the kit's margin of a declared
 * kink, or when its one-sided differences {@code (f(x+ε) − f(x))/ε} and {@code (f(x) − f(x−ε))/ε} disagree by
 * more than 1e-3 of their size: for a smooth function they differ by about {@code ε f''(x)}, some 1e-6,
 * while at a kink they differ by the jump in the derivative. Every other entry must pass. The comparison
 * fails when more than a tenth of the entries had to be skipped, so that a derivative wrong everywhere cannot
 * pass as "all kinks".
 */
final class KinkAwareComparison {

    /** One-sided differences disagreeing by more than this (relative) mark a kink. */
    static final double KINK_DISAGREEMENT = 1e-3;
    /** The largest relative error an entry may have. */
    static final double RELATIVE_TOLERANCE = GradientCheck.DEFAULT_RELATIVE_TOLERANCE;
    /** Entries smaller than this are compared relative to it, that is to an absolute 1e-8. */
    static final double FLOOR = GradientCheck.DEFAULT_ABSOLUTE_TOLERANCE / GradientCheck.DEFAULT_RELATIVE_TOLERANCE;
    /** The largest fraction of entries that may be skipped as kinks. */
    static final double MAX_SKIPPED_FRACTION = 0.1;

    private final GradientCheck check = GradientCheck.defaults();
    private final List<String> failures = new ArrayList<>();
    private int compared;
    private int skipped;
    private int failed;
    private double maxRelativeError;

    /**
     * Compares {@code analytic} with central differences of {@code f} at {@code point}.
     *
     * @param point       perturbed during the call and restored
     * @param nearKink    whether an input value lies within the margin of a declared kink
     * @param description describes entry {@code i} of the point for failure messages
     */
    void compare(
            String name,
            DMatrixRMaj point,
            ToDoubleFunction<DMatrixRMaj> f,
            DMatrixRMaj analytic,
            DoublePredicate nearKink,
            IntFunction<String> description) {
        GradientCheckReport report = check.check(name, point, f, analytic);
        for (GradientEntry e : report.entries()) {
            int index = e.row() * point.numCols + e.column();
            // relative error = |analytic − numeric| / max(|analytic|, |numeric|, floor)
            double error = e.absoluteError() / Math.max(FLOOR, Math.max(Math.abs(e.analytic()), Math.abs(e.numeric())));
            if (!Double.isFinite(error)) {
                error = Double.POSITIVE_INFINITY;
            }
            if (error <= RELATIVE_TOLERANCE) {
                compared++;
                maxRelativeError = Math.max(maxRelativeError, error);
            } else if (nearKink.test(point.data[index]) || oneSidedDisagree(point, index, f)) {
                skipped++;
            } else {
                failed++;
                compared++;
                maxRelativeError = Math.max(maxRelativeError, error);
                if (failures.size() < 5) {
                    failures.add(String.format(
                            Locale.ROOT,
                            "%s: analytic %.12g, central difference %.12g" + " (relative error %.2e)",
                            description.apply(index),
                            e.analytic(),
                            e.numeric(),
                            error));
                }
            }
        }
    }

    private static boolean oneSidedDisagree(DMatrixRMaj point, int index, ToDoubleFunction<DMatrixRMaj> f) {
        double h = GradientCheck.DEFAULT_EPSILON;
        double x = point.data[index];
        double f0 = f.applyAsDouble(point);
        point.data[index] = x + h;
        double plus = f.applyAsDouble(point);
        point.data[index] = x - h;
        double minus = f.applyAsDouble(point);
        point.data[index] = x;
        // D+ = (f(x+h) − f(x))/h,  D− = (f(x) − f(x−h))/h
        double right = (plus - f0) / h;
        double left = (f0 - minus) / h;
        double scale = Math.max(1.0, Math.max(Math.abs(right), Math.abs(left)));
        return Math.abs(right - left) > KINK_DISAGREEMENT * scale;
    }

    /** The verdict, with the largest relative error of the entries compared. */
    CheckResult result(String checkName, String what) {
        int total = compared + skipped;
        if (failed > 0) {
            return new CheckResult(
                    checkName,
                    false,
                    failed + " of " + total + " " + what
                            + " disagree with central differences: relative error above " + RELATIVE_TOLERANCE
                            + " (relative to at least " + FLOOR + "):\n    " + String.join("\n    ", failures),
                    maxRelativeError);
        }
        if (total == 0 || skipped > MAX_SKIPPED_FRACTION * total) {
            return new CheckResult(
                    checkName,
                    false,
                    skipped + " of " + total + " " + what + " had to be skipped"
                            + " as kinks (one-sided differences disagree); at most "
                            + (int) (MAX_SKIPPED_FRACTION * 100)
                            + "% may be. Is the derivative discontinuous almost everywhere?",
                    maxRelativeError);
        }
        return new CheckResult(
                checkName,
                true,
                String.format(
                        Locale.ROOT,
                        "%d %s agree with central differences," + " max relative error %.2e%s",
                        compared,
                        what,
                        maxRelativeError,
                        skipped == 0 ? "" : " (" + skipped + " skipped at kinks)"),
                maxRelativeError);
    }
}
