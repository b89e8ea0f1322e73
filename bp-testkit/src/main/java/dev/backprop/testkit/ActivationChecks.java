package dev.backprop.testkit;

import dev.backprop.core.random.Rng;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.StandardActivation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/** The conformance checks of one activation provider with one configuration. */
final class ActivationChecks {

    /** Exactness demanded where the same arithmetic must give the same numbers (batch vs. row, in place). */
    private static final double SAME_RTOL = 1e-12;

    /** Columns of the batches the checks use. */
    private static final int K = 5;
    /** Evenly spaced points of the derivative check, 33 so that [−4, 4] is stepped by 0.25. */
    private static final int GRID_POINTS = 33;
    /** Random points of the derivative check. */
    private static final int RANDOM_POINTS = 47;

    /** Rows of the sample input two components are compared on. */
    private static final int BEHAVIOUR_ROWS = 8;
    /** A declared standard form must match the true function to this, relatively... */
    static final double STANDARD_RTOL = 1e-12;
    /** ...or absolutely, for values that round to subnormal numbers. */
    static final double STANDARD_ATOL = 1e-300;

    private static final double[][] EXTREME_ROWS = {
        {1000, 1000, 1000, 1000},
        {-1e4, 1e4, 0, 1},
        {-1000, -1000, 1000, -1000},
        {30, -30, 100, -100},
        {710, -710, 745, -745},
        {1e8, -1e8, 1e4, -1e4},
    };

    private final ActivationProvider provider;
    private final Config config;
    private final Conformance settings;

    ActivationChecks(ActivationProvider provider, Config config, Conformance settings) {
        this.provider = provider;
        this.config = config;
        this.settings = settings;
    }

    /** The checks, in order. */
    List<NamedCheck> all() {
        List<NamedCheck> checks = new ProviderChecks<>(
                        "activation",
                        ActivationProvider.class,
                        provider,
                        config,
                        this::behaviourDifference,
                        "forward and backward outputs on " + BEHAVIOUR_ROWS * K + " inputs in [" + settings.low() + ", "
                                + settings.high() + "]")
                .all();
        checks.add(new NamedCheck("standard form", this::standardForm));
        checks.add(new NamedCheck("derivative", this::derivative));
        checks.add(new NamedCheck("rows independent", this::rowsIndependent));
        checks.add(new NamedCheck("backward in place", this::backwardInPlace));
        checks.add(new NamedCheck("inputs unchanged", this::inputsUnchanged));
        checks.add(new NamedCheck("extreme inputs", this::extremes));
        checks.add(new NamedCheck("no allocation", this::noAllocation));
        onnxForm().ifPresent(checks::add);
        return checks;
    }

    /**
     * The ONNX form's check, when the activation declares one and bp-onnx and ONNX Runtime are on the test's class
     * path (see {@link OnnxFormCheck}); a provider that cannot create the component is reported by the other checks.
     */
    private Optional<NamedCheck> onnxForm() {
        Activation activation;
        try {
            activation = provider.create(config);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return OnnxFormCheck.forActivation(activation)
                .map(onnx -> new NamedCheck(OnnxFormCheck.CHECK, () -> onnx.run(activation)));
    }

    /**
     * Null when the two activations give bit-for-bit the same forward and backward outputs on the sample
     * inputs (an even grid and random points of the input range), else the first difference.
     */
    private String behaviourDifference(Activation a, Activation b) {
        DMatrixRMaj z = new DMatrixRMaj(BEHAVIOUR_ROWS, K);
        Rng rng = rng(6);
        int grid = z.getNumElements() / 2;
        for (int i = 0; i < z.getNumElements(); i++) {
            z.data[i] = i < grid
                    ? settings.low() + (settings.high() - settings.low()) * i / (grid - 1)
                    : rng.nextDouble(settings.low(), settings.high());
        }
        DMatrixRMaj g = new DMatrixRMaj(BEHAVIOUR_ROWS, K);
        Matrices.signedWeights(g, rng);
        DMatrixRMaj outA = new DMatrixRMaj(BEHAVIOUR_ROWS, K);
        DMatrixRMaj outB = new DMatrixRMaj(BEHAVIOUR_ROWS, K);
        a.forward(z, outA);
        b.forward(z, outB);
        int i = Matrices.firstDifference(outA, outB, 0, 0);
        if (i >= 0) {
            return "forward gives A" + Matrices.entry(outA, i) + " and " + outB.data[i] + " at z = " + z.data[i];
        }
        DMatrixRMaj dzA = new DMatrixRMaj(BEHAVIOUR_ROWS, K);
        DMatrixRMaj dzB = new DMatrixRMaj(BEHAVIOUR_ROWS, K);
        a.backward(z, outA, g, dzA);
        b.backward(z, outB, g, dzB);
        i = Matrices.firstDifference(dzA, dzB, 0, 0);
        return i < 0
                ? null
                : "backward gives dZ" + Matrices.entry(dzA, i) + " and " + dzB.data[i] + " at z = " + z.data[i];
    }

    /**
     * A declared {@link Activation#standardForm()} against the true function, computed here independently:
     * {@code σ(z) = 1 / (1 + e^−z)} (as {@code e^z / (1 + e^z)} for z &lt; 0) or {@code s_j = e^(z_j − m) /
     * Σ_k e^(z_k − m)} with m the row's maximum, on an even grid of [−8, 8] and the extreme rows.
     */
    private CheckResult standardForm() {
        String check = "standard form";
        Activation activation = provider.create(config);
        Optional<StandardActivation> form = activation.standardForm();
        if (form.isEmpty()) {
            return CheckResult.pass(check, "declares no standard form");
        }
        int width = EXTREME_ROWS[0].length;
        int gridRows = 8;
        DMatrixRMaj z = new DMatrixRMaj(gridRows + EXTREME_ROWS.length, width);
        for (int i = 0; i < gridRows * width; i++) {
            z.data[i] = -8 + 16.0 * i / (gridRows * width - 1);
        }
        for (int r = 0; r < EXTREME_ROWS.length; r++) {
            System.arraycopy(EXTREME_ROWS[r], 0, z.data, (gridRows + r) * width, width);
        }
        DMatrixRMaj a = new DMatrixRMaj(z.numRows, z.numCols);
        activation.forward(z, a);
        DMatrixRMaj truth = new DMatrixRMaj(z.numRows, z.numCols);
        String function;
        if (form.get() == StandardActivation.SIGMOID) {
            function = "the logistic function σ(z) = 1/(1 + e^-z)";
            for (int i = 0; i < z.getNumElements(); i++) {
                double x = z.data[i];
                truth.data[i] = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
            }
        } else {
            function = "the row-wise softmax s_j = e^(z_j) / Σ_k e^(z_k)";
            for (int r = 0; r < z.numRows; r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < width; c++) {
                    max = Math.max(max, z.get(r, c));
                }
                double sum = 0;
                for (int c = 0; c < width; c++) {
                    sum += Math.exp(z.get(r, c) - max);
                }
                for (int c = 0; c < width; c++) {
                    truth.set(r, c, Math.exp(z.get(r, c) - max) / sum);
                }
            }
        }
        int i = Matrices.firstDifference(a, truth, STANDARD_RTOL, STANDARD_ATOL);
        if (i >= 0) {
            return CheckResult.fail(
                    check,
                    "standardForm() declares " + form.get() + ", but forward gives A" + Matrices.entry(a, i)
                            + " for the row " + Matrices.rowText(z, i / width) + " where " + function + " is "
                            + truth.data[i] + ". Losses replace the chain rule by a fused gradient on this claim;"
                            + " declare a standard form only for exactly that function, else return"
                            + " Optional.empty()");
        }
        return CheckResult.pass(
                check,
                "forward equals " + function + " (declared " + form.get() + ") to " + STANDARD_RTOL + " relative on "
                        + z.getNumElements() + " inputs in [-8, 8] and at the extremes");
    }

    private Rng rng(int stream) {
        return new Rng(Rng.derive(settings.seed(), stream));
    }

    /** The derivative check: dZ of backward against central differences of Σ G ⊙ f(Z). */
    private CheckResult derivative() {
        Activation activation = provider.create(config);
        Rng rng = rng(1);
        int n = (GRID_POINTS + RANDOM_POINTS) / K;
        double low = settings.low();
        double high = settings.high();
        DMatrixRMaj z = new DMatrixRMaj(n, K);
        for (int i = 0; i < GRID_POINTS; i++) {
            z.data[i] = low + (high - low) * i / (GRID_POINTS - 1);
        }
        for (int i = GRID_POINTS; i < n * K; i++) {
            z.data[i] = rng.nextDouble(low, high);
        }
        DMatrixRMaj g = new DMatrixRMaj(n, K);
        Matrices.signedWeights(g, rng);
        DMatrixRMaj a = new DMatrixRMaj(n, K);
        activation.forward(z, a);
        DMatrixRMaj dz = new DMatrixRMaj(n, K);
        activation.backward(z, a, g, dz);

        KinkAwareComparison comparison = new KinkAwareComparison();
        DMatrixRMaj scratch = new DMatrixRMaj(1, K);
        if (activation.isRowWise()) {
            // per row: f(z) = Σ_j g_j f(z)_j, whose gradient is the row's vector-Jacobian product
            for (int r = 0; r < n; r++) {
                int row = r;
                DMatrixRMaj point = Matrices.row(z, r);
                DMatrixRMaj weights = Matrices.row(g, r);
                comparison.compare(
                        provider.name(),
                        point,
                        p -> weighted(activation, p, weights, scratch),
                        Matrices.row(dz, r),
                        settings::nearKink,
                        i -> "row " + row + " " + Matrices.rowText(z, row) + " at column " + i);
            }
        } else {
            // per entry: f(z) = g f(z), whose derivative is g f'(z); one entry at a time keeps the rounding
            // error of the central difference at the size of f(z) alone
            for (int i = 0; i < n * K; i++) {
                DMatrixRMaj point = new DMatrixRMaj(1, 1, true, z.data[i]);
                DMatrixRMaj weight = new DMatrixRMaj(1, 1, true, g.data[i]);
                comparison.compare(
                        provider.name(),
                        point,
                        p -> weighted(activation, p, weight, scratch),
                        new DMatrixRMaj(1, 1, true, dz.data[i]),
                        settings::nearKink,
                        j -> String.format(Locale.ROOT, "at z = %.17g", point.data[j]));
            }
        }
        return comparison.result(
                "derivative",
                String.format(
                        Locale.ROOT,
                        "entries of dZ (%d points in [%s, %s], %s)",
                        n * K,
                        low,
                        high,
                        activation.isRowWise() ? "row by row" : "entry by entry"));
    }

    private static double weighted(Activation activation, DMatrixRMaj z, DMatrixRMaj weights, DMatrixRMaj out) {
        out.reshape(z.numRows, z.numCols);
        activation.forward(z, out);
        double sum = 0;
        for (int i = 0; i < out.getNumElements(); i++) {
            sum += weights.data[i] * out.data[i];
        }
        return sum;
    }

    private CheckResult rowsIndependent() {
        String check = "rows independent";
        Activation activation = provider.create(config);
        Rng rng = rng(2);
        int n = 6;
        int k = 4;
        DMatrixRMaj z = new DMatrixRMaj(n, k);
        Matrices.uniform(z, settings.low(), settings.high(), rng);
        DMatrixRMaj g = new DMatrixRMaj(n, k);
        Matrices.signedWeights(g, rng);
        DMatrixRMaj a = new DMatrixRMaj(n, k);
        activation.forward(z, a);
        DMatrixRMaj dz = new DMatrixRMaj(n, k);
        activation.backward(z, a, g, dz);
        for (int r = 0; r < n; r++) {
            String difference = difference(
                    activation, Matrices.row(z, r), Matrices.row(g, r), Matrices.row(a, r), Matrices.row(dz, r));
            if (difference != null) {
                return CheckResult.fail(
                        check,
                        "row " + r + " of a " + n + "x" + k + " batch differs from the same" + " row computed alone: "
                                + difference + ". Rows are samples and must not affect each other");
            }
        }
        if (!activation.isRowWise()) {
            for (int i = 0; i < n * k; i++) {
                String difference = difference(
                        activation,
                        new DMatrixRMaj(1, 1, true, z.data[i]),
                        new DMatrixRMaj(1, 1, true, g.data[i]),
                        new DMatrixRMaj(1, 1, true, a.data[i]),
                        new DMatrixRMaj(1, 1, true, dz.data[i]));
                if (difference != null) {
                    return CheckResult.fail(
                            check,
                            "entry [" + i / k + "," + i % k + "] depends on the other entries"
                                    + " of its row (" + difference + ") but isRowWise() is false; return true from"
                                    + " isRowWise() if the coupling is intended");
                }
            }
        }
        return CheckResult.pass(
                check,
                "each row of a " + n + "x" + k + " batch equals the row computed alone"
                        + (activation.isRowWise() ? " (row-wise activation)" : ", and each entry the entry alone"));
    }

    /** Null when forward and backward on {@code z} alone reproduce the batch's {@code a} and {@code dz}. */
    private static String difference(
            Activation activation, DMatrixRMaj z, DMatrixRMaj g, DMatrixRMaj batchA, DMatrixRMaj batchDz) {
        DMatrixRMaj a = new DMatrixRMaj(z.numRows, z.numCols);
        activation.forward(z, a);
        int i = Matrices.firstDifference(a, batchA, SAME_RTOL, 0);
        if (i >= 0) {
            return "A = " + a.data[i] + " alone but " + batchA.data[i] + " in the batch, at z = " + z.data[i];
        }
        DMatrixRMaj dz = new DMatrixRMaj(z.numRows, z.numCols);
        activation.backward(z, a, g, dz);
        i = Matrices.firstDifference(dz, batchDz, SAME_RTOL, 0);
        if (i >= 0) {
            return "dZ = " + dz.data[i] + " alone but " + batchDz.data[i] + " in the batch, at z = " + z.data[i];
        }
        return null;
    }

    private CheckResult backwardInPlace() {
        String check = "backward in place";
        Activation activation = provider.create(config);
        Rng rng = rng(3);
        DMatrixRMaj z = new DMatrixRMaj(6, 4);
        Matrices.uniform(z, settings.low(), settings.high(), rng);
        DMatrixRMaj g = new DMatrixRMaj(6, 4);
        Matrices.signedWeights(g, rng);
        DMatrixRMaj a = new DMatrixRMaj(6, 4);
        activation.forward(z, a);
        DMatrixRMaj dz = new DMatrixRMaj(6, 4);
        activation.backward(z, a, g, dz);
        DMatrixRMaj inPlace = g.copy();
        activation.backward(z, a, inPlace, inPlace);
        int i = Matrices.firstDifference(inPlace, dz, SAME_RTOL, 0);
        if (i >= 0) {
            return CheckResult.fail(
                    check,
                    "backward(z, a, g, g) gives dZ" + Matrices.entry(inPlace, i)
                            + " but backward(z, a, g, dz) gives " + dz.data[i] + "; the SPI lets dZ be G, so read every"
                            + " value of G a result needs before overwriting it");
        }
        return CheckResult.pass(check, "backward with dZ = G gives the same dZ");
    }

    private CheckResult inputsUnchanged() {
        String check = "inputs unchanged";
        Activation activation = provider.create(config);
        Rng rng = rng(4);
        DMatrixRMaj z = new DMatrixRMaj(6, 4);
        Matrices.uniform(z, settings.low(), settings.high(), rng);
        DMatrixRMaj g = new DMatrixRMaj(6, 4);
        Matrices.signedWeights(g, rng);
        DMatrixRMaj zCopy = z.copy();
        DMatrixRMaj a = new DMatrixRMaj(6, 4);
        activation.forward(z, a);
        if (!Matrices.identical(z, zCopy)) {
            return CheckResult.fail(check, "forward modified Z");
        }
        DMatrixRMaj aCopy = a.copy();
        DMatrixRMaj gCopy = g.copy();
        DMatrixRMaj dz = new DMatrixRMaj(6, 4);
        activation.backward(z, a, g, dz);
        if (!Matrices.identical(z, zCopy) || !Matrices.identical(a, aCopy) || !Matrices.identical(g, gCopy)) {
            return CheckResult.fail(
                    check,
                    "backward modified "
                            + (!Matrices.identical(z, zCopy) ? "Z" : !Matrices.identical(a, aCopy) ? "A" : "G")
                            + "; only dZ may be written");
        }
        return CheckResult.pass(check, "forward and backward leave Z, A and G as they were");
    }

    private CheckResult extremes() {
        String check = "extreme inputs";
        Activation activation = provider.create(config);
        DMatrixRMaj z = new DMatrixRMaj(EXTREME_ROWS);
        DMatrixRMaj a = new DMatrixRMaj(z.numRows, z.numCols);
        activation.forward(z, a);
        int i = Matrices.firstNonFinite(a);
        if (i >= 0) {
            return CheckResult.fail(
                    check,
                    "forward gives A" + Matrices.entry(a, i) + " for the row " + Matrices.rowText(z, i / z.numCols)
                            + "; compute it in a form that cannot overflow");
        }
        DMatrixRMaj g = new DMatrixRMaj(z.numRows, z.numCols);
        g.fill(1.0);
        DMatrixRMaj dz = new DMatrixRMaj(z.numRows, z.numCols);
        activation.backward(z, a, g, dz);
        i = Matrices.firstNonFinite(dz);
        if (i >= 0) {
            return CheckResult.fail(
                    check,
                    "backward gives dZ" + Matrices.entry(dz, i) + " for the row " + Matrices.rowText(z, i / z.numCols)
                            + " with G = 1");
        }
        return CheckResult.pass(
                check,
                "forward and backward are finite for inputs up to ±1e8, including"
                        + " [1000, 1000, ...] and [-1e4, 1e4, ...]");
    }

    private CheckResult noAllocation() {
        Activation activation = provider.create(config);
        DMatrixRMaj z = new DMatrixRMaj(16, 8);
        Matrices.uniform(z, settings.low(), settings.high(), rng(5));
        DMatrixRMaj a = new DMatrixRMaj(16, 8);
        DMatrixRMaj g = new DMatrixRMaj(16, 8);
        g.fill(0.5);
        DMatrixRMaj dz = new DMatrixRMaj(16, 8);
        return AllocationMeter.check("no allocation", "forward and backward", () -> {
            activation.forward(z, a);
            activation.backward(z, a, g, dz);
        });
    }
}
