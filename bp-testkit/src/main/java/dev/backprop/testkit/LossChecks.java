package dev.backprop.testkit;

import dev.backprop.core.random.Rng;
import dev.backprop.core.registry.ProviderInfo;
import dev.backprop.core.registry.Registry;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.BatchReduction;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.FusedGradient;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/** The conformance checks of one loss provider with one configuration. */
final class LossChecks {

    /** Exactness demanded where the same arithmetic must give the same numbers. */
    private static final double SAME_RTOL = 1e-12;
    /** Fused and unfused gradients must agree to this, absolutely, plus {@link #FUSED_RTOL} relatively. */
    static final double FUSED_ATOL = 1e-12;
    /** Relative part of the fused–unfused agreement. */
    static final double FUSED_RTOL = 1e-9;

    /** The parameter whose values mean and sum must agree with {@link Loss#batchReduction()}. */
    static final String REDUCTION = "reduction";

    private static final int N = 6;
    private static final int K = 4;
    private static final int GRADIENT_BATCHES = 3;

    private final LossProvider provider;
    private final Config config;
    private final OutputDomain domain;
    private final TargetGenerator targets;
    private final Conformance settings;

    LossChecks(
            LossProvider provider, Config config, OutputDomain domain, TargetGenerator targets, Conformance settings) {
        this.provider = provider;
        this.config = config;
        this.domain = domain;
        this.targets = targets;
        this.settings = settings;
    }

    /** The checks, in order. */
    List<NamedCheck> all() {
        List<NamedCheck> checks = new ProviderChecks<>(
                        "loss",
                        LossProvider.class,
                        provider,
                        config,
                        this::behaviourDifference,
                        "value and gradient on a " + N + "x" + K + " batch")
                .all();
        checks.add(new NamedCheck("targets accepted", this::targetsAccepted));
        checks.add(new NamedCheck("batch reduction", this::batchReduction));
        checks.add(new NamedCheck("wrong target shape refused", this::wrongShape));
        checks.add(new NamedCheck("gradient", this::gradient));
        checks.add(new NamedCheck("rows independent", this::rowsIndependent));
        checks.add(new NamedCheck("extreme outputs", this::extremes));
        checks.add(new NamedCheck("fused gradients", this::fused));
        checks.add(new NamedCheck("no allocation", this::noAllocation));
        return checks;
    }

    private Rng rng(int stream) {
        return new Rng(Rng.derive(settings.seed(), 100 + stream));
    }

    private DMatrixRMaj outputs(Rng rng) {
        DMatrixRMaj y = new DMatrixRMaj(N, K);
        domain.sample(y, rng);
        return y;
    }

    private String behaviourDifference(Loss a, Loss b) {
        Rng rng = rng(0);
        DMatrixRMaj y = outputs(rng);
        DMatrixRMaj t = targets.targets(y, rng);
        double va = a.value(y, t);
        double vb = b.value(y, t);
        if (Double.doubleToLongBits(va) != Double.doubleToLongBits(vb)) {
            return "values " + va + " and " + vb;
        }
        DMatrixRMaj ga = new DMatrixRMaj(N, K);
        DMatrixRMaj gb = new DMatrixRMaj(N, K);
        a.gradient(y, t, ga);
        b.gradient(y, t, gb);
        return Matrices.identical(ga, gb) ? null : "gradients " + Matrices.text(ga) + " and " + Matrices.text(gb);
    }

    private CheckResult targetsAccepted() {
        Loss loss = provider.create(config);
        Rng rng = rng(1);
        DMatrixRMaj y = outputs(rng);
        DMatrixRMaj t = targets.targets(y, rng);
        loss.validate(y, t);
        return CheckResult.pass(
                "targets accepted",
                "validate accepts " + Matrices.shape(t) + " targets (" + domain + " outputs " + Matrices.shape(y)
                        + ")");
    }

    /**
     * The declared {@link Loss#batchReduction()}, and a {@code reduction} parameter of {@code mean} or {@code sum},
     * against how the value scales with the batch: with every sample of a batch twice, a mean stays and a sum
     * doubles.
     */
    private CheckResult batchReduction() {
        String check = "batch reduction";
        Loss loss = provider.create(config);
        BatchReduction declared = loss.batchReduction();
        String parameter = loss.config().getString(REDUCTION, null);
        if (parameter != null) {
            for (BatchReduction reduction : BatchReduction.values()) {
                if (parameter.strip().equalsIgnoreCase(reduction.name()) && reduction != declared) {
                    return CheckResult.fail(
                            check,
                            "the parameter " + REDUCTION + "=" + parameter + " but batchReduction() is " + declared
                                    + "; the trainer combines batch losses by batchReduction(), so it must say "
                                    + reduction);
                }
            }
        }
        Rng rng = rng(8);
        DMatrixRMaj y = null;
        DMatrixRMaj t = null;
        double single = 0;
        for (int attempt = 0; attempt < 3 && !(Math.abs(single) > Double.MIN_NORMAL); attempt++) {
            y = outputs(rng);
            t = targets.targets(y, rng);
            single = loss.value(y, t);
        }
        String claim =
                "batchReduction() is " + declared + (parameter == null ? "" : " (" + REDUCTION + "=" + parameter + ")");
        if (!(Math.abs(single) > Double.MIN_NORMAL)) {
            return CheckResult.pass(
                    check, claim + "; not measured: the value is " + single + " on three sample batches");
        }
        DMatrixRMaj y2 = Matrices.twice(y);
        DMatrixRMaj t2 = Matrices.twice(t);
        double doubled = loss.value(y2, t2);
        // mean over 2n equal halves = the mean over n; sum over 2n = twice the sum over n
        double expected = declared == BatchReduction.SUM ? 2 * single : single;
        if (!Matrices.close(doubled, expected, SAME_RTOL, 0)) {
            String seen = Matrices.close(doubled, single, SAME_RTOL, 0)
                    ? "stays at " + doubled + ", as a mean does"
                    : Matrices.close(doubled, 2 * single, SAME_RTOL, 0)
                            ? "doubles to " + doubled + ", as a sum does"
                            : "becomes " + doubled;
            return CheckResult.fail(
                    check,
                    claim + ", but with every sample of a " + N + "x" + K + " batch twice the value " + seen
                            + " where a " + declared + " gives " + expected + " (" + single
                            + " for the batch once). Compute the value as declared, and return from batchReduction()"
                            + " how it combines over the batch");
        }
        return CheckResult.pass(
                check,
                claim + ": with every sample twice the value " + (declared == BatchReduction.SUM ? "doubles" : "stays")
                        + " (" + single + " -> " + doubled + ")");
    }

    private CheckResult wrongShape() {
        String check = "wrong target shape refused";
        Loss loss = provider.create(config);
        Rng rng = rng(2);
        DMatrixRMaj y = outputs(rng);
        DMatrixRMaj t = targets.targets(y, rng);
        // widths and heights that appear nowhere else in the shapes, so the message must name them
        DMatrixRMaj wide = new DMatrixRMaj(N, K + 3);
        DMatrixRMaj tall = new DMatrixRMaj(N + 5, t.numCols);
        for (DMatrixRMaj bad : List.of(wide, tall)) {
            String wrong = Integer.toString(bad == wide ? K + 3 : N + 5);
            try {
                loss.validate(y, bad);
                return CheckResult.fail(
                        check,
                        "validate accepted " + Matrices.shape(bad) + " targets for " + Matrices.shape(y)
                                + " outputs; throw IllegalArgumentException naming both shapes");
            } catch (IllegalArgumentException e) {
                if (e.getMessage() == null || !e.getMessage().contains(wrong)) {
                    return CheckResult.fail(
                            check,
                            "validate refused " + Matrices.shape(bad) + " targets but its"
                                    + " message does not give their shape: " + e.getMessage());
                }
            }
        }
        return CheckResult.pass(
                check,
                "validate refuses " + Matrices.shape(wide) + " and " + Matrices.shape(tall) + " targets for "
                        + Matrices.shape(y) + " outputs, naming the shapes");
    }

    private CheckResult gradient() {
        Loss loss = provider.create(config);
        Rng rng = rng(3);
        KinkAwareComparison comparison = new KinkAwareComparison();
        for (int b = 0; b < GRADIENT_BATCHES; b++) {
            DMatrixRMaj y = outputs(rng);
            DMatrixRMaj t = targets.targets(y, rng);
            DMatrixRMaj g = new DMatrixRMaj(N, K);
            loss.gradient(y, t, g);
            int batch = b;
            comparison.compare(
                    provider.name(),
                    y,
                    p -> loss.value(p, t),
                    g,
                    v -> false,
                    i -> "batch " + batch + ", Y[" + i / K + "," + i % K + "] = " + y.data[i] + " (target row "
                            + Matrices.rowText(t, i / K) + ")");
        }
        return comparison.result(
                "gradient",
                "entries of ∂L/∂Y (" + GRADIENT_BATCHES + " batches of " + N + "x" + K + " " + domain + " outputs)");
    }

    private CheckResult rowsIndependent() {
        String check = "rows independent";
        Loss loss = provider.create(config);
        Rng rng = rng(4);
        DMatrixRMaj y = outputs(rng);
        DMatrixRMaj t = targets.targets(y, rng);
        DMatrixRMaj g = new DMatrixRMaj(N, K);
        loss.gradient(y, t, g);
        for (int parity = 0; parity < 2; parity++) {
            DMatrixRMaj other = outputs(rng);
            DMatrixRMaj otherTargets = targets.targets(other, rng);
            DMatrixRMaj y2 = y.copy();
            DMatrixRMaj t2 = t.copy();
            for (int r = parity; r < N; r += 2) {
                Matrices.copyRow(other, y2, r);
                Matrices.copyRow(otherTargets, t2, r);
            }
            DMatrixRMaj g2 = new DMatrixRMaj(N, K);
            loss.gradient(y2, t2, g2);
            for (int r = 1 - parity; r < N; r += 2) {
                for (int c = 0; c < K; c++) {
                    if (!Matrices.close(g.get(r, c), g2.get(r, c), SAME_RTOL, 0)) {
                        return CheckResult.fail(
                                check,
                                "∂L/∂Y[" + r + "," + c + "] changed from " + g.get(r, c)
                                        + " to " + g2.get(r, c) + " when only other rows of the batch changed; each"
                                        + " sample's gradient must depend on that sample alone");
                    }
                }
            }
        }
        return CheckResult.pass(check, "each row of ∂L/∂Y is unchanged when the other rows change");
    }

    private CheckResult extremes() {
        String check = "extreme outputs";
        Loss loss = provider.create(config);
        Rng rng = rng(5);
        DMatrixRMaj y = domain.extremes(K);
        for (int attempt = 0; attempt < 3; attempt++) {
            DMatrixRMaj t = targets.targets(y, rng);
            double value = loss.value(y, t);
            if (!Double.isFinite(value)) {
                return CheckResult.fail(
                        check,
                        "value is " + value + " for outputs " + Matrices.text(y) + " and targets " + Matrices.text(t));
            }
            DMatrixRMaj g = new DMatrixRMaj(y.numRows, y.numCols);
            loss.gradient(y, t, g);
            int i = Matrices.firstNonFinite(g);
            if (i >= 0) {
                return CheckResult.fail(
                        check,
                        "the gradient has ∂L/∂Y" + Matrices.entry(g, i) + " at Y = " + y.data[i] + " (target row "
                                + Matrices.rowText(t, i / y.numCols) + ")");
            }
        }
        return CheckResult.pass(check, "value and gradient are finite at the edges of the " + domain + " domain");
    }

    private CheckResult fused() {
        String check = "fused gradients";
        Loss loss = provider.create(config);
        Registry<Activation, ActivationProvider> activations =
                ProviderChecks.load("activation", ActivationProvider.class, provider.getClass());
        Rng rng = rng(6);
        List<String> pairs = new ArrayList<>();
        for (ProviderInfo<ActivationProvider> info : activations.providers()) {
            Activation activation;
            try {
                activation = info.provider().create(Config.empty());
            } catch (IllegalArgumentException e) {
                continue;
            }
            Optional<FusedGradient> fused = loss.fusedWith(activation);
            if (fused.isEmpty()) {
                continue;
            }
            DMatrixRMaj z = new DMatrixRMaj(N, K);
            Matrices.uniform(z, -3, 3, rng);
            DMatrixRMaj a = new DMatrixRMaj(N, K);
            activation.forward(z, a);
            DMatrixRMaj t = targets.targets(a, rng);
            // unfused: G = ∂L/∂A, dZ = J^T G
            DMatrixRMaj g = new DMatrixRMaj(N, K);
            loss.gradient(a, t, g);
            DMatrixRMaj unfused = new DMatrixRMaj(N, K);
            activation.backward(z, a, g, unfused);
            DMatrixRMaj direct = new DMatrixRMaj(N, K);
            fused.get().gradient(z, a, t, direct);
            int i = Matrices.firstDifference(direct, unfused, FUSED_RTOL, FUSED_ATOL);
            if (i >= 0) {
                return CheckResult.fail(
                        check,
                        "with " + info.name() + ", the fused dZ" + Matrices.entry(direct, i)
                                + " but the chain of gradient and backward gives " + unfused.data[i] + " (z = "
                                + z.data[i]
                                + ", target row " + Matrices.rowText(t, i / K) + ")");
            }
            pairs.add(info.name());
        }
        return CheckResult.pass(
                check,
                pairs.isEmpty()
                        ? "declares no fused gradient with any of the "
                                + activations.names().size() + " registered activations"
                        : "the fused dZ with " + pairs + " equals the chain of gradient and backward to " + FUSED_ATOL);
    }

    private CheckResult noAllocation() {
        Loss loss = provider.create(config);
        Rng rng = rng(7);
        DMatrixRMaj y = outputs(rng);
        DMatrixRMaj t = targets.targets(y, rng);
        DMatrixRMaj g = new DMatrixRMaj(N, K);
        double[] sink = new double[1];
        return AllocationMeter.check("no allocation", "validate, value and gradient", () -> {
            loss.validate(y, t);
            sink[0] += loss.value(y, t);
            loss.gradient(y, t, g);
        });
    }
}
