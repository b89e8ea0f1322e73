package dev.backprop.core.gradcheck;

import dev.backprop.core.network.Network;
import dev.backprop.core.random.Rng;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * Compares gradients from backpropagation with central differences
 * {@code (L(θ + ε) − L(θ − ε)) / 2ε}, entry by entry.
 *
 * <p>An entry passes when {@code |analytic − numeric| ≤ atol + r + rtol · max(|analytic|, |numeric|)}, where
 * {@code r = 8 · u · max(|L(θ + ε)|, |L(θ − ε)|) / ε} bounds the rounding error of the difference quotient
 * (u = 2⁻⁵², the spacing of doubles at 1; the factor 8 allows for the rounding accumulated in computing L
 * itself). The defaults, for double precision, are ε = 1e-6, rtol = 1e-6 and atol = 1e-8: central differences
 * have a truncation error of order ε², so a correct gradient passes with a wide margin while a wrong one fails. That is stricter than PyTorch's {@code gradcheck}
 * (ε 1e-6, atol 1e-5, rtol 1e-3) and DL4J's network checks (max relative error 1e-3). Dropout is off during the
 * check, since the network is evaluated in inference mode.
 *
 * <p>Instances are immutable; {@link #withTolerances} and {@link #sampling} make changed copies.
 */
public final class GradientCheck {

    /** The default step ε. */
    public static final double DEFAULT_EPSILON = 1e-6;
    /** The default relative tolerance. */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-6;
    /** The default absolute tolerance. */
    public static final double DEFAULT_ABSOLUTE_TOLERANCE = 1e-8;

    private final double epsilon;
    private final double relativeTolerance;
    private final double absoluteTolerance;
    private final int entriesPerParameter;
    private final long samplingSeed;

    private GradientCheck(
            double epsilon,
            double relativeTolerance,
            double absoluteTolerance,
            int entriesPerParameter,
            long samplingSeed) {
        if (!(epsilon > 0) || !(relativeTolerance >= 0) || !(absoluteTolerance >= 0)) {
            throw new IllegalArgumentException("Gradient check needs eps > 0, rtol >= 0, atol >= 0; got eps=" + epsilon
                    + ", rtol=" + relativeTolerance + ", atol=" + absoluteTolerance);
        }
        this.epsilon = epsilon;
        this.relativeTolerance = relativeTolerance;
        this.absoluteTolerance = absoluteTolerance;
        this.entriesPerParameter = entriesPerParameter;
        this.samplingSeed = samplingSeed;
    }

    /** A check with the default step and tolerances that compares every entry. */
    public static GradientCheck defaults() {
        return new GradientCheck(DEFAULT_EPSILON, DEFAULT_RELATIVE_TOLERANCE, DEFAULT_ABSOLUTE_TOLERANCE, 0, 0);
    }

    /** This check with another step and tolerances. */
    public GradientCheck withTolerances(double epsilon, double relativeTolerance, double absoluteTolerance) {
        return new GradientCheck(epsilon, relativeTolerance, absoluteTolerance, entriesPerParameter, samplingSeed);
    }

    /**
     * This check comparing at most {@code count} entries of each parameter, chosen with the seed; for large
     * networks, where comparing every entry costs two forward passes each.
     */
    public GradientCheck sampling(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("Entries per parameter must be at least 1, got " + count);
        }
        return new GradientCheck(epsilon, relativeTolerance, absoluteTolerance, count, seed);
    }

    /**
     * Checks the gradients of a network's loss on a batch with respect to every parameter. The network's
     * parameters are restored exactly afterwards; its gradients hold the analytic ones.
     */
    public GradientCheckReport check(Network network, Loss loss, DMatrixRMaj x, DMatrixRMaj target) {
        network.computeGradients(x, target, loss, false);
        List<GradientEntry> entries = new ArrayList<>();
        Rng rng = new Rng(samplingSeed);
        for (Parameter p : network.parameters()) {
            DMatrixRMaj analytic = p.gradient().copy();
            compare(
                    p.name(),
                    p.value(),
                    analytic,
                    v -> loss.value(network.forward(x), target),
                    chosen(p.size(), rng),
                    entries);
        }
        return new GradientCheckReport(entries, epsilon, relativeTolerance, absoluteTolerance);
    }

    /**
     * Checks the gradient of a network's loss with respect to its input X.
     */
    public GradientCheckReport checkInput(Network network, Loss loss, DMatrixRMaj x, DMatrixRMaj target) {
        network.computeGradients(x, target, loss, true);
        DMatrixRMaj analytic = network.inputGradient().copy();
        DMatrixRMaj point = x.copy();
        List<GradientEntry> entries = new ArrayList<>();
        compare(
                "input",
                point,
                analytic,
                v -> loss.value(network.forward(v), target),
                chosen(point.getNumElements(), new Rng(samplingSeed)),
                entries);
        return new GradientCheckReport(entries, epsilon, relativeTolerance, absoluteTolerance);
    }

    /**
     * Checks any gradient: {@code analytic} against central differences of {@code f} at {@code point}. The
     * function reads the point it is given; the point is perturbed in place one entry at a time and restored
     * exactly.
     *
     * @param name     a name for the report's entries
     * @param point    where to differentiate. Modified during the call, restored on return.
     * @param f        the scalar function
     * @param analytic the gradient to verify, shaped like {@code point}. Not modified.
     */
    public GradientCheckReport check(
            String name, DMatrixRMaj point, ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj analytic) {
        if (analytic.numRows != point.numRows || analytic.numCols != point.numCols) {
            throw new IllegalArgumentException("Gradient of " + name + " is " + analytic.numRows + "x"
                    + analytic.numCols + " but the point is " + point.numRows + "x" + point.numCols);
        }
        List<GradientEntry> entries = new ArrayList<>();
        compare(name, point, analytic, f, chosen(point.getNumElements(), new Rng(samplingSeed)), entries);
        return new GradientCheckReport(entries, epsilon, relativeTolerance, absoluteTolerance);
    }

    private int[] chosen(int size, Rng rng) {
        int[] all = new int[size];
        for (int i = 0; i < size; i++) {
            all[i] = i;
        }
        if (entriesPerParameter == 0 || entriesPerParameter >= size) {
            return all;
        }
        rng.shuffle(all);
        int[] some = Arrays.copyOf(all, entriesPerParameter);
        Arrays.sort(some);
        return some;
    }

    private void compare(
            String name,
            DMatrixRMaj point,
            DMatrixRMaj analytic,
            ToDoubleFunction<DMatrixRMaj> f,
            int[] indices,
            List<GradientEntry> out) {
        for (int i : indices) {
            double original = point.data[i];
            point.data[i] = original + epsilon;
            double plus = f.applyAsDouble(point);
            point.data[i] = original - epsilon;
            double minus = f.applyAsDouble(point);
            point.data[i] = original;
            // numeric = (L(θ + ε) − L(θ − ε)) / 2ε
            double numeric = (plus - minus) / (2 * epsilon);
            double a = analytic.data[i];
            double scale = Math.max(Math.abs(a), Math.abs(numeric));
            double diff = Math.abs(a - numeric);
            // r = 8 u max(|L+|, |L−|) / ε, the rounding floor of the difference quotient
            double roundingFloor = 8 * Math.ulp(1.0) * Math.max(Math.abs(plus), Math.abs(minus)) / epsilon;
            boolean passed = diff <= absoluteTolerance + roundingFloor + relativeTolerance * scale;
            if (!Double.isFinite(a) || !Double.isFinite(numeric)) {
                passed = false;
            }
            double relative =
                    scale <= absoluteTolerance + roundingFloor ? (passed ? 0 : Double.POSITIVE_INFINITY) : diff / scale;
            out.add(new GradientEntry(name, i / point.numCols, i % point.numCols, a, numeric, relative, passed));
        }
    }
}
