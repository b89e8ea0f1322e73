package dev.backprop.examples.cli;

import dev.backprop.core.network.DenseLayer;
import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.examples.support.JsonLine;
import java.io.PrintWriter;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One training step of seed 004's 2-2-2 sigmoid network, printed layer by layer in the matrix form of seed 002
 * (samples in rows, {@code Z = X W + b}): the input, each layer's Z and A, the loss, the output gradient, each
 * layer's delta, dW and db, and the weights after the SGD update. Every line names the seed equation it computes,
 * so the numbers can be checked by hand or against the classic published worked example.
 *
 * <p>All values are read from the engine's own workspaces ({@link DenseLayer#preActivation()},
 * {@link DenseLayer#delta()}, ...) after one {@link Network#computeGradients} call: the trace shows what training
 * computes, not a re-implementation.
 */
@Command(
        name = "trace",
        mixinStandardHelpOptions = true,
        description = {
            "One training step of the worked example's network, printed layer by layer with its equations.",
            "Prints one training step of the worked example's 2-2-2 sigmoid network (input [0.05, 0.10], target"
                    + " [0.01, 0.99], half squared error, SGD) layer by layer: inputs, Z, A, delta, dW, db and the"
                    + " updated weights, each labelled with the equation it implements in the reference derivations (\"seed 000\" to \"seed 004\")."
        })
public final class TraceCommand implements Runnable {

    private static final String RULE = "-".repeat(100);

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--lr",
            paramLabel = "RATE",
            defaultValue = "0.5",
            description = "Learning rate (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(
            names = "--json",
            description = "Print the loss and the updated parameters as one JSON object on the" + " last line.")
    private boolean json;

    /** A command for picocli. */
    public TraceCommand() {}

    @Override
    public void run() {
        OptionChecks.positive(spec, "--lr", learningRate);
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        Registries registries = BpCommand.registries(spec);
        Network net = WorkedExampleCommand.classicNetwork(registries);
        Loss loss = registries.losses().create("half-sse", Config.empty());
        Optimizer sgd = registries.optimizers().create("sgd", Config.of("lr", learningRate));
        sgd.initialise(net.parameters());
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.05, 0.10}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{0.01, 0.99}});

        double error = net.computeGradients(x, t, loss, false);
        int last = net.layerCount() - 1;
        DMatrixRMaj output = net.layer(last).output();
        DMatrixRMaj outputGradient = new DMatrixRMaj(output.numRows, output.numCols);
        loss.gradient(output, t, outputGradient);

        out.println("One SGD step of seed 004's network in seed 002's matrix form: samples in rows, W is in x out,");
        out.println("Z = X W + b, A = f(Z). Seed 004's weights w1..w8 sit in W0 = [[w1, w3], [w2, w4]] and"
                + " W1 = [[w5, w7], [w6, w8]].");
        out.println(RULE);
        print(out, "X", "the input, one sample per row", x);
        print(out, "T", "the target", t);
        out.println(RULE);
        out.println("FORWARD");
        for (int l = 0; l <= last; l++) {
            DenseLayer layer = net.layer(l);
            String in = l == 0 ? "X" : "A" + (l - 1);
            out.printf(
                    Locale.ROOT,
                    "layer %d: %d -> %d, activation %s%n",
                    l,
                    layer.spec().in(),
                    layer.spec().out(),
                    layer.activation().spec());
            print(out, "W" + l, "weights before the step", layer.weights());
            print(out, "b" + l, "bias before the step", layer.bias());
            print(
                    out,
                    "Z" + l + " = " + in + " W" + l + " + b" + l,
                    "seed 002: Y = X W + B; seed 000 (1), (3) with the bias as an extra row of W",
                    layer.preActivation());
            print(
                    out,
                    "A" + l + " = f(Z" + l + ")",
                    "seed 000 (2): X_{i+1} = Y_i = sigma(X_i W_i); seed 001: A = g(Z)",
                    layer.output());
        }
        out.printf(
                Locale.ROOT,
                "%-34s %s%n  %.12f%n",
                "E = 1/2 sum (A" + last + " - T)^2",
                "seed 002: loss = sum (out_i - label_i)^2 / 2; seed 004: E_total",
                error);
        out.println(RULE);
        out.println("BACKWARD");
        print(out, "G = dE/dA" + last + " = A" + last + " - T", "seed 002: d loss / d Z = Z - Label", outputGradient);
        for (int l = last; l >= 0; l--) {
            DenseLayer layer = net.layer(l);
            String in = l == 0 ? "X" : "A" + (l - 1);
            if (l == last) {
                print(
                        out,
                        "delta" + l + " = G * f'(Z" + l + ")",
                        "seed 000 (10); seed 001: dZ = dA * g'(Z);" + " sigmoid' = A (1 - A) (seed 000 (17))",
                        layer.delta());
            } else {
                print(
                        out,
                        "dA" + l + " = delta" + (l + 1) + " W" + (l + 1) + "^T",
                        "seed 002: d loss / d X = A @ W^T; seed 001: dA = W^T dZ",
                        net.layer(l + 1).inputGradient());
                print(
                        out,
                        "delta" + l + " = dA" + l + " * f'(Z" + l + ")",
                        "seed 000 (11), (14): delta_i = (W_{i+1} delta_{i+1}) * S'(In_i)",
                        layer.delta());
            }
            print(
                    out,
                    "dW" + l + " = " + in + "^T delta" + l,
                    "seed 002: d loss / d W = X^T @ A; seed 001: dW = dZ" + " A^T",
                    layer.weightGradient());
            print(
                    out,
                    "db" + l + " = column sums of delta" + l,
                    "seed 002 [5]; seed 001: db = dZ 1_m",
                    layer.biasGradient());
        }
        out.println(RULE);
        out.printf(Locale.ROOT, "UPDATE (SGD, lr %s)%n", learningRate);
        sgd.step(net.parameters(), learningRate);
        for (int l = last; l >= 0; l--) {
            DenseLayer layer = net.layer(l);
            print(
                    out,
                    "W" + l + " <- W" + l + " - lr dW" + l,
                    "seed 001: w = w - alpha dw; seed 000 (13), (15)",
                    layer.weights());
            print(out, "b" + l + " <- b" + l + " - lr db" + l, "seed 002: b - lr * d loss / d b", layer.bias());
        }
        DMatrixRMaj after = net.forward(x);
        double errorAfter = loss.value(after, t);
        out.printf(
                Locale.ROOT,
                "%-34s %s%n  %.12f%n",
                "E after the step",
                "the same input through the updated" + " network",
                errorAfter);
        if (json) {
            DMatrixRMaj w0 = net.layer(0).weights();
            DMatrixRMaj w1 = net.layer(1).weights();
            out.println(new JsonLine()
                    .put("command", "trace")
                    .put("error", error)
                    .put("error_after", errorAfter)
                    .put("w1", w0.get(0, 0))
                    .put("w2", w0.get(1, 0))
                    .put("w3", w0.get(0, 1))
                    .put("w4", w0.get(1, 1))
                    .put("w5", w1.get(0, 0))
                    .put("w6", w1.get(1, 0))
                    .put("w7", w1.get(0, 1))
                    .put("w8", w1.get(1, 1))
                    .put("b0_1", net.layer(0).bias().get(0, 0))
                    .put("b0_2", net.layer(0).bias().get(0, 1))
                    .put("b1_1", net.layer(1).bias().get(0, 0))
                    .put("b1_2", net.layer(1).bias().get(0, 1))
                    .put("seconds", (System.nanoTime() - started) / 1e9));
        }
        out.flush();
    }

    /** Prints a labelled matrix: the formula, the seed equation, then the rows. */
    private static void print(PrintWriter out, String formula, String source, DMatrixRMaj m) {
        out.printf(Locale.ROOT, "%-34s %s%n", formula, source);
        for (int r = 0; r < m.numRows; r++) {
            StringBuilder row = new StringBuilder("  [");
            for (int c = 0; c < m.numCols; c++) {
                row.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.12f", m.get(r, c)));
            }
            out.println(row.append(']'));
        }
    }
}
