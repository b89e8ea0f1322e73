package dev.backprop.examples.cli;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.train.DivergenceRule;
import dev.backprop.core.train.History;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingResult;
import dev.backprop.data.batching.ShuffledBatches;
import dev.backprop.examples.support.EpochTable;
import dev.backprop.examples.support.HistoryCsv;
import dev.backprop.examples.support.JsonLine;
import dev.backprop.examples.support.ModelArchive;
import dev.backprop.examples.support.ModelInfo;
import dev.backprop.examples.support.OutputPaths;
import dev.backprop.examples.support.ProgressBarListener;
import dev.backprop.examples.support.TrainingChart;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The training part every training command shares: the trainer built from the shared options, the progress bar,
 * the per-epoch table, minibatches from the seed, and afterwards the history CSV, the chart and the JSON line.
 * One session per command run.
 */
final class TrainingSession {

    /** Training rows on which {@link #checkLossFits} tries the loss. */
    private static final int LOSS_CHECK_ROWS = 16;

    /** The divergence rule's factor over the first epoch's train loss. */
    static final double LOSS_GROWTH = 10;
    /** The divergence rule's factor over ln K for categorical cross-entropy. */
    static final double UNIFORM_GUESS = 3;

    private static final String CATEGORICAL_CROSS_ENTROPY = "categorical-cross-entropy";

    private final CommandSpec spec;
    private final String command;
    private final TrainingOptions options;
    private final Registries registries;
    private final long started = System.nanoTime();
    private RuntimeException outputFailure;

    /**
     * A session for a run of a command.
     *
     * @param spec       the command, for its output stream
     * @param command    the command's name, for the JSON line and the chart
     * @param options    the shared options, validated here
     * @param registries where names are resolved
     */
    TrainingSession(CommandSpec spec, String command, TrainingOptions options, Registries registries) {
        this.spec = spec;
        this.command = command;
        this.options = options;
        this.registries = registries;
        options.validate();
        // create the optimizer and the loss once now, so a misspelt name or parameter fails before any data are
        // loaded
        OptionChecks.component(
                spec,
                "--optimizer",
                options.optimizerText(),
                () -> registries.optimizers().create(options.optimizerSpec()));
        OptionChecks.component(
                spec, "--loss", options.loss(), () -> registries.losses().create(ComponentSpec.parse(options.loss())));
        checkOutputs();
    }

    /**
     * Checks every output path before any data are loaded or any epoch runs: the extension, the folder (created
     * with {@code --create-dirs}), write access, and nothing but a regular file at the path (the extensions
     * differ, so no two outputs can share a file).
     */
    private void checkOutputs() {
        boolean create = options.createDirs();
        options.save().ifPresent(f -> OutputPaths.check("--save", f, List.of("bp"), create));
        options.history().ifPresent(f -> OutputPaths.check("--history", f, List.of("csv"), create));
        options.plot().ifPresent(f -> OutputPaths.check("--plot", f, TrainingChart.EXTENSIONS, create));
    }

    /**
     * Runs one output step; when it fails, the failure is kept for {@link #printJson} to report after the results
     * are printed, so that a full disk does not lose the figures of a finished run.
     */
    private void output(Runnable write) {
        try {
            write.run();
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            if (outputFailure == null) {
                outputFailure = e;
            } else {
                outputFailure.addSuppressed(e);
            }
        }
    }

    /** The command's standard output. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The shared options. */
    TrainingOptions options() {
        return options;
    }

    /** The registries. */
    Registries registries() {
        return registries;
    }

    /** The command's name. */
    String command() {
        return command;
    }

    /** The loss as given by {@code --loss} or the command's default. */
    String loss() {
        return options.loss();
    }

    /** The optimizer spec with its learning rate. */
    ComponentSpec optimizer() {
        return options.optimizerSpec();
    }

    /**
     * A trainer with the shared options: loss, optimizer and learning rate, epochs, the progress bar and a table
     * of the given columns printed after each epoch. The command adds evaluation sets and metrics.
     */
    Trainer.Builder trainer(List<EpochTable.Column> columns) {
        ComponentSpec lossSpec = ComponentSpec.parse(loss());
        return Trainer.builder()
                .registries(registries)
                .loss(registries.losses().create(lossSpec))
                .optimizer(registries.optimizers().create(optimizer()))
                .epochs(options.epochs())
                .listener(ProgressBarListener.forConsole())
                .listener(new EpochTable(out(), columns))
                .listener(options.divergenceCheck() ? divergenceRule(lossSpec) : DivergenceRule.none());
    }

    /**
     * The program's divergence rule, on for every training command unless {@code --no-divergence-check}: the run stops (exit code 1) when the train
     * loss grows past {@value #LOSS_GROWTH} times its first epoch's, and, for categorical cross-entropy, when it
     * is more than {@value #UNIFORM_GUESS} times ln K, the loss of guessing each of the K classes with equal
     * probability.
     */
    static DivergenceRule divergenceRule(ComponentSpec loss) {
        DivergenceRule rule = DivergenceRule.none().lossGrowth(LOSS_GROWTH);
        return loss.name().equalsIgnoreCase(CATEGORICAL_CROSS_ENTROPY)
                ? rule.worseThanUniformGuess(UNIFORM_GUESS)
                : rule;
    }

    /**
     * Trains with minibatches of the shared batch size, shuffled each epoch from the seed, then writes the
     * history CSV and the chart when asked.
     */
    TrainingResult fit(Trainer trainer, Network network, Dataset train) {
        return fit(trainer, network, train, true);
    }

    /** As {@link #fit(Trainer, Network, Dataset)}, choosing whether to shuffle. */
    TrainingResult fit(Trainer trainer, Network network, Dataset train, boolean shuffle) {
        checkLossFits(network, train);
        ShuffledBatches batches = ShuffledBatches.builder(train)
                .batchSize(options.batchSize())
                .seed(options.seed())
                .shuffle(shuffle)
                .build();
        TrainingResult result = trainer.fit(network, batches);
        writeOutputs(result.history(), network);
        return result;
    }

    /**
     * Checks, on the first rows of the training data, that the loss accepts the network's outputs and the
     * targets, so that a loss that does not fit the task fails before training with the reason.
     *
     * @throws IllegalArgumentException naming the loss, the output layer, the targets and the loss's complaint
     */
    void checkLossFits(Network network, Dataset train) {
        int n = Math.min(train.size(), LOSS_CHECK_ROWS);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        DMatrixRMaj x = new DMatrixRMaj(n, train.featureCount());
        DMatrixRMaj t = new DMatrixRMaj(n, train.targetCount());
        train.copyRows(order, 0, n, x, t);
        DMatrixRMaj y = network.forward(x);
        Loss loss = registries.losses().create(ComponentSpec.parse(loss()));
        try {
            loss.validate(y, t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--loss " + loss() + " does not fit the " + command + " network: its output is "
                            + network.outputSize() + " "
                            + network.outputActivation().name()
                            + " unit(s) and its targets have " + train.targetCount() + " column(s); "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Writes the history CSV and the chart when asked, and says where; a failure is reported after the results
     * (see {@link #printJson}).
     */
    void writeOutputs(History history, Network network) {
        options.history()
                .ifPresent(file -> output(() -> {
                    HistoryCsv.write(history, file);
                    out().println("history written to " + file);
                }));
        options.plot()
                .ifPresent(file -> output(() -> {
                    TrainingChart.write(history, chartTitle(network, history.size()), file);
                    out().println("chart written to " + file);
                }));
    }

    /** The chart's title, naming the run: e.g. {@code bp iris: 4-8(tanh)-3(softmax), sgd(lr=0.1), 30 epochs, seed 7}. */
    String chartTitle(Network network, int epochs) {
        return String.format(
                Locale.ROOT,
                "bp %s: %s, loss %s, optimizer %s, batch %d, %d %s, seed %d",
                command,
                describe(network),
                loss(),
                optimizer(),
                options.batchSize(),
                epochs,
                epochs == 1 ? "epoch" : "epochs",
                options.seed());
    }

    /** A JSON line with the command's name and the number of epochs trained. */
    JsonLine json(History history) {
        return new JsonLine()
                .put("command", command)
                .put("epochs", (long) history.size())
                .put("train_loss", history.last().trainLoss());
    }

    /**
     * Prints the JSON line when {@code --json} was given, with the seconds since the session began; then, if an
     * output failed, throws its failure, so the command ends with exit code 3 after its results were printed.
     */
    void printJson(JsonLine line) {
        if (options.json()) {
            out().println(line.put("seconds", seconds()));
        }
        out().flush();
        if (outputFailure != null) {
            RuntimeException failure = outputFailure;
            outputFailure = null;
            throw failure;
        }
    }

    /** Seconds since the session began. */
    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** Prints a line of settings, e.g. the network's shape and the optimizer. */
    void printSettings(Network network) {
        out().printf(
                        Locale.ROOT,
                        "network %s (%d parameters), loss %s, optimizer %s, batch %d, %d %s, seed %d%n",
                        describe(network),
                        network.spec().parameterCount(),
                        loss(),
                        optimizer(),
                        options.batchSize(),
                        options.epochs(),
                        options.epochs() == 1 ? "epoch" : "epochs",
                        options.seed());
    }

    /** The shape with each layer's activation, e.g. {@code 784-50(relu)-10(softmax)}. */
    static String describe(Network network) {
        StringBuilder sb = new StringBuilder().append(network.inputSize());
        network.layers()
                .forEach(l -> sb.append('-')
                        .append(l.spec().out())
                        .append('(')
                        .append(l.spec().activation())
                        .append(')'));
        return sb.toString();
    }

    /**
     * Saves the network with what {@code bp predict} needs (and the loss it was trained with, by name), when
     * {@code --save} was given, and says where.
     */
    void save(Network network, ModelInfo info) {
        options.save()
                .ifPresent(file -> output(() -> {
                    ModelArchive.save(file, network, loss(), info);
                    out().println("model saved to " + file);
                }));
    }
}
