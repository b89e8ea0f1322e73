package dev.backprop.examples.cli;

import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.data.LabeledDataset;
import dev.backprop.data.scaling.StandardScaler;
import dev.backprop.data.split.Splits;
import dev.backprop.data.split.TrainTest;
import dev.backprop.datasets.EmbeddedDatasets;
import dev.backprop.examples.support.ModelInfo;
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
@Command(name = "iris", mixinStandardHelpOptions = true, defaultValueProvider = IrisCommand.Defaults.class,
        description = {"Fisher's iris: 3 species, test accuracy and confusion matrix.",
                "Classifies Fisher's iris (150 flowers, 3 species, 4 measurements): stratified split,"
                + " standardised features, softmax output with cross-entropy; prints the loss and accuracy per"
                + " epoch, the test accuracy and the confusion matrix."})
public final class IrisCommand implements Runnable {

    /** This command's defaults for the shared options. */
    static final class Defaults extends CommandDefaults {
        /** The defaults. */
        Defaults() {
            super("--epochs", "40", "--batch-size", "8", "--lr", "0.1", "--optimizer", "sgd", "--seed", "7",
                    "--hidden", "8", "--activation", "tanh", "--init", "xavier-uniform");
        }
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private TrainingOptions training;

    @Mixin
    private NetworkOptions architecture;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.3",
            description = "Share of each species held out for testing (default: ${DEFAULT-VALUE}).")
    private double testFraction;

    /** A command for picocli. */
    public IrisCommand() {
    }

    @Override
    public void run() {
        TrainingSession session = new TrainingSession(spec, "iris", training, Registries.discover());
        OptionChecks.fraction(spec, "--test-fraction", testFraction);
        architecture.validate(session.registries());
        LabeledDataset iris = EmbeddedDatasets.iris();
        TrainTest<LabeledDataset> split = Splits.trainTest(iris, testFraction, training.seed(), true);
        StandardScaler scaler = StandardScaler.fit(split.train().features());
        LabeledDataset train = scaler.transform(split.train());
        LabeledDataset test = scaler.transform(split.test());
        session.out().printf(Locale.ROOT, "iris: %d training and %d test flowers, classes %s, features standardised%n",
                train.size(), test.size(), iris.classNames());
        ClassificationRun run = new ClassificationRun(session, architecture);
        Network network = run.network(train.featureCount(), train.classCount());
        ClassificationRun.Outcome outcome = run.fit(network, train, test, true);
        run.report(outcome, iris.classNames());
        session.save(network, ClassificationRun.LOSS, ModelInfo.classifier("iris", iris.classNames(), scaler));
        session.printJson(run.json(outcome));
    }
}
