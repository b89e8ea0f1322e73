package dev.backprop.examples.cli;

import dev.backprop.core.gradcheck.GradientCheck;
import dev.backprop.core.gradcheck.GradientCheckReport;
import dev.backprop.core.network.Network;
import dev.backprop.core.random.Rng;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Loss;
import dev.backprop.examples.support.JsonLine;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Checks backpropagation against numerical differentiation for a network given by the options, on random inputs
 * and targets: every weight and bias entry (or a sample of them) is compared with the central difference
 * {@code (L(θ + ε) − L(θ − ε)) / 2ε}. Exits with 1 when an entry is outside the tolerance.
 */
@Command(
        name = "gradcheck",
        mixinStandardHelpOptions = true,
        defaultValueProvider = GradcheckCommand.Defaults.class,
        description = {
            "Gradient check of a network given by the options; exit code 1 if it fails.",
            "Compares the gradient from"
                    + " backpropagation with central differences (L(w + eps) - L(w - eps)) / 2 eps on random inputs and"
                    + " targets. Exit code 1 when any entry is outside the tolerance."
        })
public final class GradcheckCommand implements Callable<Integer> {

    /** This command's defaults for the shared options. */
    static final class Defaults extends CommandDefaults {
        /** The defaults. */
        Defaults() {
            super("--hidden", "5,4", "--activation", "tanh", "--init", "xavier-uniform");
        }
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private NetworkOptions architecture;

    @Option(
            names = "--inputs",
            paramLabel = "N",
            defaultValue = "4",
            description = "Inputs per sample (default:" + " ${DEFAULT-VALUE}).")
    private int inputs;

    @Option(
            names = "--outputs",
            paramLabel = "N",
            defaultValue = "3",
            description = "Outputs per sample (default:" + " ${DEFAULT-VALUE}).")
    private int outputs;

    @Option(
            names = "--output-activation",
            paramLabel = "SPEC",
            defaultValue = "softmax",
            description = "Activation of the output layer (default: ${DEFAULT-VALUE}).")
    private String outputActivation;

    @Option(
            names = "--loss",
            paramLabel = "SPEC",
            defaultValue = "categorical-cross-entropy",
            description = "Loss, by name and parameters (default: ${DEFAULT-VALUE}).")
    private String lossName;

    @Option(
            names = "--targets",
            paramLabel = "KIND",
            defaultValue = "one-hot",
            converter = TargetKind.Converter.class,
            description = "Random targets: one-hot, uniform (in (0, 1)) or signs (-1 or +1) (default:"
                    + " ${DEFAULT-VALUE}).")
    private TargetKind targets;

    @Option(
            names = "--samples",
            paramLabel = "N",
            defaultValue = "5",
            description = "Random samples in the batch" + " (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(
            names = "--entries",
            paramLabel = "N",
            defaultValue = "0",
            description = "Entries compared per weight"
                    + " matrix and bias, chosen at random; 0 compares all (default: ${DEFAULT-VALUE}).")
    private int entries;

    @Option(names = "--input-gradient", description = "Also check the gradient with respect to the input.")
    private boolean inputGradient;

    @Option(
            names = "--eps",
            paramLabel = "E",
            defaultValue = "1e-6",
            description = "Step of the central difference" + " (default: ${DEFAULT-VALUE}).")
    private double epsilon;

    @Option(
            names = "--rtol",
            paramLabel = "R",
            defaultValue = "1e-6",
            description = "Relative tolerance (default:" + " ${DEFAULT-VALUE}).")
    private double relativeTolerance;

    @Option(
            names = "--atol",
            paramLabel = "A",
            defaultValue = "1e-8",
            description = "Absolute tolerance (default:" + " ${DEFAULT-VALUE}).")
    private double absoluteTolerance;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Seed of weights, inputs and" + " targets (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print the figures as one JSON object on the last line.")
    private boolean json;

    /** A command for picocli. */
    public GradcheckCommand() {}

    @Override
    public Integer call() {
        OptionChecks.atLeast(spec, "--inputs", inputs, 1);
        OptionChecks.atLeast(spec, "--outputs", outputs, 1);
        OptionChecks.atLeast(spec, "--samples", samples, 1);
        OptionChecks.atLeast(spec, "--entries", entries, 0);
        OptionChecks.positive(spec, "--eps", epsilon);
        OptionChecks.nonNegative(spec, "--rtol", relativeTolerance);
        OptionChecks.nonNegative(spec, "--atol", absoluteTolerance);
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        Registries registries = BpCommand.registries(spec);
        architecture.validate(registries);
        Network network = architecture
                .addHiddenLayers(Network.builder(registries).input(inputs))
                .dense(outputs, outputActivation)
                .seed(seed)
                .build();
        Loss loss = registries.losses().create(ComponentSpec.parse(lossName));
        Rng rng = new Rng(Rng.derive(seed, 2));
        DMatrixRMaj x = new DMatrixRMaj(samples, inputs);
        for (int i = 0; i < x.getNumElements(); i++) {
            x.data[i] = rng.nextGaussian();
        }
        DMatrixRMaj t = new DMatrixRMaj(samples, outputs);
        targets.fill(t, rng);

        GradientCheck check = GradientCheck.defaults().withTolerances(epsilon, relativeTolerance, absoluteTolerance);
        if (entries > 0) {
            check = check.sampling(entries, seed);
        }
        out.printf(
                Locale.ROOT,
                "network %s, loss %s%s, %d random samples with %s targets, seed %d%n",
                TrainingSession.describe(network),
                loss.spec(),
                network.usesFusedGradient(loss) ? " (fused with the output activation)" : "",
                samples,
                targets,
                seed);
        GradientCheckReport report = check.check(network, loss, x, t);
        out.println(report);
        boolean passed = report.passed();
        int count = report.entries().size();
        int failed = report.failures().size();
        double maxRelative = report.maxRelativeError();
        if (inputGradient) {
            GradientCheckReport input = check.checkInput(network, loss, x, t);
            out.println("input gradient: " + input);
            passed &= input.passed();
            count += input.entries().size();
            failed += input.failures().size();
            maxRelative = Math.max(maxRelative, input.maxRelativeError());
        }
        out.println(
                passed
                        ? "gradients agree: backpropagation matches numerical differentiation"
                        : "GRADIENT CHECK FAILED: " + failed + " of " + count + " entries outside the tolerance");
        if (json) {
            out.println(new JsonLine()
                    .put("command", "gradcheck")
                    .put("passed", passed)
                    .put("entries", (long) count)
                    .put("failed", (long) failed)
                    .put("max_relative_error", maxRelative)
                    .put("max_absolute_error", report.maxAbsoluteError())
                    .put("seconds", (System.nanoTime() - started) / 1e9));
        }
        out.flush();
        return passed ? 0 : BpCommand.CHECK_FAILED;
    }
}
