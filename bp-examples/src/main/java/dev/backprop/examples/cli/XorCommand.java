package dev.backprop.examples.cli;

import dev.backprop.core.eval.Evaluator;
import dev.backprop.core.eval.Metrics;
import dev.backprop.core.network.Network;
import dev.backprop.core.train.EpochRecord;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingResult;
import dev.backprop.data.TabularDataset;
import dev.backprop.examples.support.EpochTable;
import dev.backprop.examples.support.JsonLine;
import dev.backprop.examples.support.ModelInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * XOR, the function no single-layer network can learn: the four points (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0, a
 * hidden tanh layer and one sigmoid output trained with binary cross-entropy. Reports the four outputs and whether
 * they round to 0, 1, 1, 0; exits with 1 when they do not.
 */
@Command(
        name = "xor",
        mixinStandardHelpOptions = true,
        defaultValueProvider = XorCommand.Defaults.class,
        description = {
            "XOR from its four points: a 2-4-1 tanh/sigmoid network with binary cross-entropy.",
            "Learns XOR from its four points with a 2-4-1 network (tanh hidden layer, sigmoid output,"
                    + " binary cross-entropy). Prints the four outputs; exit code 1 if they do not round to 0, 1, 1, 0.",
            "An epoch shows the four points --repeat times, in order, in batches of --batch-size."
        })
public final class XorCommand implements Callable<Integer> {

    /** This command's defaults for the shared options. */
    static final class Defaults extends CommandDefaults {
        /** The defaults. */
        Defaults() {
            super(
                    "--epochs",
                    "10",
                    "--batch-size",
                    "4",
                    "--lr",
                    "0.5",
                    "--optimizer",
                    "sgd",
                    "--loss",
                    LOSS,
                    "--seed",
                    "1",
                    "--hidden",
                    "4",
                    "--activation",
                    "tanh",
                    "--init",
                    "xavier-uniform");
        }
    }

    /** The loss: binary cross-entropy of one sigmoid unit. */
    static final String LOSS = "binary-cross-entropy";

    private static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final double[] TARGETS = {0, 1, 1, 0};

    @Spec
    private CommandSpec spec;

    @Mixin
    private TrainingOptions training;

    @Mixin
    private NetworkOptions architecture;

    @Option(
            names = "--repeat",
            paramLabel = "N",
            defaultValue = "100",
            description = "Passes over the four points per epoch (default: ${DEFAULT-VALUE}).")
    private int repeat;

    /** A command for picocli. */
    public XorCommand() {}

    /** The four XOR points, each repeated {@code times} times in order. */
    static TabularDataset points(int times) {
        DMatrixRMaj x = new DMatrixRMaj(4 * times, 2);
        DMatrixRMaj t = new DMatrixRMaj(4 * times, 1);
        for (int r = 0; r < 4 * times; r++) {
            x.set(r, 0, INPUTS[r % 4][0]);
            x.set(r, 1, INPUTS[r % 4][1]);
            t.set(r, 0, TARGETS[r % 4]);
        }
        return new TabularDataset(x, t);
    }

    @Override
    public Integer call() {
        OptionChecks.between(
                spec, "--repeat", repeat, 1, Integer.MAX_VALUE / 8, "4 points of 2 inputs each, in one array");
        TrainingSession session = new TrainingSession(spec, "xor", training, BpCommand.registries(spec));
        architecture.validate(session.registries());
        PrintWriter out = session.out();
        Network network = architecture
                .addHiddenLayers(Network.builder(session.registries()).input(2))
                .dense(1, "sigmoid")
                .seed(training.seed())
                .build();
        TabularDataset four = points(1);
        Trainer trainer = session.trainer(List.of(
                        new EpochTable.Column("train.loss", "train loss"),
                        new EpochTable.Column("xor.loss", "xor loss"),
                        new EpochTable.Column("xor.accuracy", "xor acc")))
                .evaluate("xor", four)
                .metrics(Metrics.accuracy())
                .build();
        session.printSettings(network);
        TrainingResult result = session.fit(trainer, network, points(repeat), false);
        DMatrixRMaj y = new Evaluator().predict(network, four);
        out.println();
        out.println("   x1   x2  target  output    rounded");
        boolean learned = true;
        for (int i = 0; i < 4; i++) {
            long rounded = Math.round(y.get(i, 0));
            boolean ok = rounded == (long) TARGETS[i];
            learned &= ok;
            out.printf(
                    Locale.ROOT,
                    "%5.0f%5.0f%8.0f  %.6f  %d %s%n",
                    INPUTS[i][0],
                    INPUTS[i][1],
                    TARGETS[i],
                    y.get(i, 0),
                    rounded,
                    ok ? "ok" : "WRONG");
        }
        out.println(
                learned
                        ? "the outputs round to 0, 1, 1, 0: XOR learned"
                        : "the outputs do not round to 0, 1, 1, 0: train longer (--epochs) or change --lr or --seed");
        session.save(network, ModelInfo.binary("xor", List.of("0", "1"), null));
        EpochRecord last = result.history().last();
        JsonLine json = session.json(result.history())
                .put("xor_loss", last.metric("xor.loss"))
                .put("out_00", y.get(0, 0))
                .put("out_01", y.get(1, 0))
                .put("out_10", y.get(2, 0))
                .put("out_11", y.get(3, 0))
                .put("learned", learned);
        session.printJson(json);
        return learned ? 0 : BpCommand.CHECK_FAILED;
    }
}
