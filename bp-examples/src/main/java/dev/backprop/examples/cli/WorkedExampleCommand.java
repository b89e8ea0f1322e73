package dev.backprop.examples.cli;

import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.Parameter;
import dev.backprop.examples.support.JsonLine;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Seed 004's worked example: a 2-2-2 sigmoid network from the classic published weights, trained on one sample
 * with half squared error and plain SGD, once with the biases fixed (as the classic example does) and once with
 * every bias trained.
 */
@Command(
        name = "worked-example",
        mixinStandardHelpOptions = true,
        description = {
            "The classic 2-2-2 sigmoid network: inputs [0.05, 0.10], targets [0.01, 0.99], half squared"
                    + " error, SGD lr 0.5, from the classic weights w1..w8 = 0.15 .. 0.55, biases 0.35 and 0.60.",
            "Prints the total error and both outputs after the chosen steps, with the biases fixed and trained."
        })
public final class WorkedExampleCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--steps",
            paramLabel = "N",
            split = ",",
            defaultValue = "1,100,1000,10000",
            description = "Steps after which to report, each at least 1 (default: ${DEFAULT-VALUE}).")
    private List<Integer> steps;

    @Option(
            names = "--lr",
            paramLabel = "RATE",
            defaultValue = "0.5",
            description = "Learning rate (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--json", description = "Print a JSON summary as the last line.")
    private boolean json;

    /** The figures of one variant after one reported step. */
    record Row(int step, double error, double out1, double out2) {}

    @Override
    public void run() {
        long started = System.nanoTime();
        TreeSet<Integer> reported = new TreeSet<>(steps);
        OptionChecks.atLeast(spec, "--steps", reported.first(), 1);
        OptionChecks.positive(spec, "--lr", learningRate);
        Registries registries = BpCommand.registries(spec);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "2-2-2 sigmoid network, input [0.05, 0.10], target [0.01, 0.99], half squared error," + " SGD lr %s%n",
                learningRate);
        List<Row> fixed = train(registries, false, reported);
        List<Row> trained = train(registries, true, reported);
        print(out, "biases fixed (as in the classic example)", fixed);
        print(out, "every bias trained", trained);
        if (json) {
            Row f = fixed.get(fixed.size() - 1);
            Row t = trained.get(trained.size() - 1);
            out.println(new JsonLine()
                    .put("command", "worked-example")
                    .put("steps", (long) f.step())
                    .put("fixed_bias_error", f.error())
                    .put("fixed_bias_out1", f.out1())
                    .put("fixed_bias_out2", f.out2())
                    .put("trained_bias_error", t.error())
                    .put("trained_bias_out1", t.out1())
                    .put("trained_bias_out2", t.out2())
                    .put("seconds", (System.nanoTime() - started) / 1e9));
        }
    }

    /** Trains the network from the classic weights and reports after the chosen steps. */
    List<Row> train(Registries registries, boolean trainBiases, NavigableSet<Integer> reported) {
        Network net = classicNetwork(registries);
        Loss loss = registries.losses().create("half-sse", Config.empty());
        Optimizer sgd = registries.optimizers().create("sgd", Config.of("lr", learningRate));
        List<Parameter> trainable = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            if (trainBiases || p.kind() == Parameter.Kind.WEIGHT) {
                trainable.add(p);
            }
        }
        sgd.initialise(trainable);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.05, 0.10}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{0.01, 0.99}});
        List<Row> rows = new ArrayList<>();
        int last = reported.last();
        for (int step = 1; step <= last; step++) {
            net.computeGradients(x, t, loss, false);
            sgd.step(trainable, learningRate);
            if (reported.contains(step)) {
                DMatrixRMaj y = net.forward(x);
                rows.add(new Row(step, loss.value(y, t), y.get(0, 0), y.get(0, 1)));
            }
        }
        return rows;
    }

    /** The 2-2-2 network with w1..w8 and the biases of the classic example. */
    static Network classicNetwork(Registries registries) {
        Network net = Network.builder(registries)
                .input(2)
                .dense(2, "sigmoid")
                .dense(2, "sigmoid")
                .build();
        // W0[i][j] joins input i to hidden unit j: [[w1, w3], [w2, w4]]
        net.layer(0).setWeights(new double[][] {{0.15, 0.25}, {0.20, 0.30}});
        net.layer(0).setBias(0.35, 0.35);
        // W1[i][j] joins hidden unit i to output j: [[w5, w7], [w6, w8]]
        net.layer(1).setWeights(new double[][] {{0.40, 0.50}, {0.45, 0.55}});
        net.layer(1).setBias(0.60, 0.60);
        return net;
    }

    private static void print(PrintWriter out, String title, List<Row> rows) {
        out.println();
        out.println(title);
        out.printf(
                Locale.ROOT, "%8s  %-22s  %-20s  %-20s%n", "step", "total error", "output 1 (0.01)", "output 2 (0.99)");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%8d  %-22.15e  %-20.15f  %-20.15f%n", r.step(), r.error(), r.out1(), r.out2());
        }
    }
}
