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
 * {@code (L(θ + h) − L(θ − h)) / 2h}, entry by entry, with the relative step {@code h = ε · max(1, |θ|)}.
 *
 * <p>A relative step keeps the perturbation above the rounding of θ itself: an absolute step of 1e-6 on an entry
 * of size 1e5 moves it by only some 1e-11 of its value, and the cancellation inside L (for example in
 * {@code x·w} summed over a row) then swamps the difference. With the step scaled to the entry, a correct
 * gradient of a linear layer passes at |x| up to 1e6 and beyond.
 *
 * <p>An entry passes when {@code |analytic − numeric| ≤ atol + r + rtol · max(|analytic|, |numeric|)}, where
 * {@code r = 8 · u · max(|L(θ + h)|, |L(θ − h)|) / h} bounds the rounding error of the difference quotient
 * (u = 2⁻⁵², the spacing of doubles at 1; the factor 8 allows for the rounding accumulated in computing L
 * itself). The divisor {@code 2h} is the distance between the two points as stored, {@code (θ + h) − (θ − h)},
 * so that the rounding of θ ± h does not enter the quotient. The defaults, for double precision, are ε = 1e-6,
 * rtol = 1e-6 and atol = 1e-8: central differences have a truncation error of order h², so a correct gradient
 * passes with a wide margin while a wrong one fails. That is stricter than PyTorch's {@code gradcheck}
 * (ε 1e-6, atol 1e-5, rtol 1e-3) and DL4J's network checks (max relative error 1e-3). A check that compared no
 * entry fails (see {@link GradientCheckReport#passed()}). Dropout is off during the check, since the network is
 * evaluated in inference mode.
 *
 * <p>Instances are immutable; {@link #withTolerances} and {@link #sampling} make changed copies.
 */
public final class GradientCheck {

    /** The default relative step ε: entry θ is moved by {@code ε · max(1, |θ|)}. */
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

    /** The step for an entry of value {@code theta}: {@code h = ε · max(1, |θ|)}. */
    private double step(double theta) {
        return epsilon * Math.max(1, Math.abs(theta));
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
            // h = ε max(1, |θ|)
            double step = step(original);
            double up = original + step;
            double down = original - step;
            point.data[i] = up;
            double plus = f.applyAsDouble(point);
            point.data[i] = down;
            double minus = f.applyAsDouble(point);
            point.data[i] = original;
            // 2h as stored: (θ + h) − (θ − h)
            double width = up - down;
            // numeric = (L(θ + h) − L(θ − h)) / 2h
            double numeric = (plus - minus) / width;
            double a = analytic.data[i];
            double scale = Math.max(Math.abs(a), Math.abs(numeric));
            double diff = Math.abs(a - numeric);
            // r = 8 u max(|L+|, |L−|) / h, the rounding floor of the difference quotient
            double roundingFloor = 8 * Math.ulp(1.0) * Math.max(Math.abs(plus), Math.abs(minus)) / (width / 2);
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
