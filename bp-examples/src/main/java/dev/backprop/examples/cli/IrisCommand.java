package dev.backprop.examples.cli;

import dev.backprop.datasets.EmbeddedDatasets;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Fisher's iris, three species from four measurements: a stratified train/test split, features standardised with
 * the training part's mean and deviation, a small network with a softmax output, the test accuracy and confusion
 * matrix.
 */
@Command(
        name = "iris",
        mixinStandardHelpOptions = true,
        defaultValueProvider = IrisCommand.Defaults.class,
        description = {
            "Fisher's iris: 3 species, test accuracy and confusion matrix.",
            "Classifies Fisher's iris (150 flowers, 3 species, 4 measurements): stratified split,"
                    + " standardised features, softmax output with cross-entropy; prints the loss and accuracy per"
                    + " epoch, the test accuracy and the confusion matrix."
        })
public final class IrisCommand implements Runnable {

    /** This command's defaults for the shared options. */
    static final class Defaults extends CommandDefaults {
        /** The defaults. */
        Defaults() {
            super(
                    "--epochs",
                    "40",
                    "--batch-size",
                    "8",
                    "--lr",
                    "0.1",
                    "--optimizer",
                    "sgd",
                    "--loss",
                    ClassificationRun.LOSS,
                    "--seed",
                    "7",
                    "--hidden",
                    "8",
                    "--activation",
                    "tanh",
                    "--init",
                    "xavier-uniform");
        }
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private TrainingOptions training;

    @Mixin
    private NetworkOptions architecture;

    @Option(
            names = "--test-fraction",
            paramLabel = "F",
            defaultValue = "0.3",
            description = "Share of each species held out for testing (default: ${DEFAULT-VALUE}).")
    private double testFraction;

    /** A command for picocli. */
    public IrisCommand() {}

    @Override
    public void run() {
        ClassificationRun.runOnTable(
                spec,
                "iris",
                training,
                architecture,
                testFraction,
                EmbeddedDatasets::iris,
                (train, test) -> String.format(
                        Locale.ROOT,
                        "iris: %d training and %d test flowers, classes %s, features standardised",
                        train.size(),
                        test.size(),
                        train.classNames()));
    }
}
