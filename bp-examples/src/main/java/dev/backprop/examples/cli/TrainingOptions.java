package dev.backprop.examples.cli;

import dev.backprop.core.spi.ComponentSpec;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every training command shares: how long and how to train, the seed, and what to write besides the
 * printed figures. Each command gives its own defaults through a {@link CommandDefaults} provider.
 */
public final class TrainingOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            description = "Passes over the training data (default: " + "${DEFAULT-VALUE}).")
    private int epochs;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            description = "Samples per minibatch (default: " + "${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(
            names = "--lr",
            paramLabel = "RATE",
            description = "Learning rate (default: ${DEFAULT-VALUE}, used when the --optimizer spec has no lr;"
                    + " giving both --lr and an lr in the spec is an error).")
    private double learningRate;

    @Option(
            names = "--optimizer",
            paramLabel = "SPEC",
            description = "Optimizer by name and parameters, e.g. sgd, momentum(momentum=0.9),"
                    + " adam(lr=0.01); see 'bp plugins' (default: ${DEFAULT-VALUE}).")
    private String optimizer;

    @Option(
            names = "--loss",
            paramLabel = "SPEC",
            description = "Loss by name and parameters, e.g. mse,"
                    + " huber(delta=0.5), or a plug-in's; see 'bp plugins' (default: ${DEFAULT-VALUE}).")
    private String loss;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed of weights, splits and shuffles (default: " + "${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model, for 'bp predict'.")
    private Path save;

    @Option(
            names = "--history",
            paramLabel = "FILE.csv",
            description = "Write the loss and metrics of every epoch" + " as CSV.")
    private Path history;

    @Option(
            names = "--plot",
            paramLabel = "FILE.png",
            description = "Draw loss and accuracy per epoch as a PNG" + " chart (.jpg, .bmp, .gif also).")
    private Path plot;

    @Option(
            names = "--create-dirs",
            description = "Create the missing folders of --save, --history and --plot (otherwise refused).")
    private boolean createDirs;

    @Option(
            names = "--no-divergence-check",
            description = "Train on when the loss explodes (by default a run stops with exit code 1 once the train"
                    + " loss is 10 times its first epoch's, or, for categorical cross-entropy, 3 times ln K).")
    private boolean noDivergenceCheck;

    @Option(names = "--json", description = "Print the final figures as one JSON object on the last line.")
    private boolean json;

    /** Options read by picocli. */
    public TrainingOptions() {}

    /**
     * Checks the values picocli cannot check by type.
     *
     * @throws CommandLine.ParameterException naming the option and the value (exit code 2)
     */
    void validate() {
        OptionChecks.atLeast(mixee, "--epochs", epochs, 1);
        OptionChecks.atLeast(mixee, "--batch-size", batchSize, 1);
        OptionChecks.positive(mixee, "--lr", learningRate);
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(mixee.commandLine(), message);
    }

    /** Epochs to train. */
    public int epochs() {
        return epochs;
    }

    /** The optimizer as given: a name with optional parameters, {@code adam(lr=0.01)}. */
    public String optimizerText() {
        return optimizer;
    }

    /** Samples per minibatch. */
    public int batchSize() {
        return batchSize;
    }

    /** The loss as given: a name with optional parameters, {@code huber(delta=0.5)}. */
    public String loss() {
        return loss;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** Whether to print the JSON line. */
    public boolean json() {
        return json;
    }

    /** The model file to write, if asked. */
    public Optional<Path> save() {
        return Optional.ofNullable(save);
    }

    /** The history CSV to write, if asked. */
    public Optional<Path> history() {
        return Optional.ofNullable(history);
    }

    /** The chart to write, if asked. */
    public Optional<Path> plot() {
        return Optional.ofNullable(plot);
    }

    /** Whether missing folders of the output files are created. */
    public boolean createDirs() {
        return createDirs;
    }

    /** Whether the program's divergence rule watches the run ({@code --no-divergence-check} turns it off). */
    public boolean divergenceCheck() {
        return !noDivergenceCheck;
    }

    /**
     * The optimizer with its learning rate, by one rule: an {@code lr} in the {@code --optimizer} spec is used as
     * given; otherwise {@code --lr} (or its default) fills it in; giving {@code --lr} on the command line as well as
     * an {@code lr} in the spec is an error, since one of the two would be ignored.
     *
     * @throws CommandLine.ParameterException when both {@code --lr} and an {@code lr} parameter are given (exit
     *                                        code 2)
     * @throws IllegalArgumentException       when the optimizer text cannot be read
     */
    public ComponentSpec optimizerSpec() {
        ComponentSpec spec = ComponentSpec.parse(optimizer);
        if (spec.config().has("lr")) {
            if (mixee.commandLine().getParseResult().hasMatchedOption("--lr")) {
                throw bad("the learning rate is given twice, by --lr " + learningRate + " and by --optimizer "
                        + optimizer + "; give it once: --lr fills in lr only when the spec has none");
            }
            return spec;
        }
        return new ComponentSpec(spec.name(), spec.config().with("lr", learningRate));
    }
}
