package dev.backprop.examples.cli;

import dev.backprop.datasets.EmbeddedDatasets;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The 8 × 8 handwritten digits (1,797 images): a stratified train/test split, standardised pixels, a network with a
 * softmax output, the test accuracy and confusion matrix.
 */
@Command(
        name = "digits",
        mixinStandardHelpOptions = true,
        defaultValueProvider = DigitsCommand.Defaults.class,
        description = {
            "The 8x8 handwritten digits: test accuracy and confusion matrix.",
            "Classifies the 8x8 handwritten digits (1,797 images, 64 pixels each): stratified split,"
                    + " standardised pixels, softmax output with cross-entropy; prints the loss and accuracy per epoch,"
                    + " the test accuracy and the confusion matrix."
        })
public final class DigitsCommand implements Runnable {

    /** This command's defaults for the shared options. */
    static final class Defaults extends CommandDefaults {
        /** The defaults. */
        Defaults() {
            super(
                    "--epochs",
                    "20",
                    "--batch-size",
                    "32",
                    "--lr",
                    "0.05",
                    "--optimizer",
                    "sgd",
                    "--loss",
                    ClassificationRun.LOSS,
                    "--seed",
                    "7",
                    "--hidden",
                    "64",
                    "--activation",
                    "relu",
                    "--init",
                    "he-normal");
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
            defaultValue = "0.25",
            description = "Share of each digit held out for testing (default: ${DEFAULT-VALUE}).")
    private double testFraction;

    /** A command for picocli. */
    public DigitsCommand() {}

    @Override
    public void run() {
        ClassificationRun.runOnTable(
                spec,
                "digits",
                training,
                architecture,
                testFraction,
                EmbeddedDatasets::digits,
                (train, test) -> String.format(
                        Locale.ROOT,
                        "digits: %d training and %d test images of 8x8 pixels, standardised",
                        train.size(),
                        test.size()));
    }
}
