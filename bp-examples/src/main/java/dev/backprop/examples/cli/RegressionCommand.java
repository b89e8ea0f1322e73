package dev.backprop.examples.cli;

import dev.backprop.core.eval.Metrics;
import dev.backprop.core.network.Network;
import dev.backprop.core.train.EpochRecord;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingResult;
import dev.backprop.data.LabeledDataset;
import dev.backprop.data.TabularDataset;
import dev.backprop.data.scaling.StandardScaler;
import dev.backprop.data.split.SplitIndices;
import dev.backprop.data.split.Splits;
import dev.backprop.datasets.EmbeddedDatasets;
import dev.backprop.examples.support.EpochTable;
import dev.backprop.examples.support.ModelInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Seed 001's regression: mean squared error with the train and test loss recorded every epoch. The target is
 * real: an iris flower's petal width predicted from its sepal length, sepal width and petal length, features and
 * target standardised with the training part's statistics.
 */
@Command(
        name = "regression",
        mixinStandardHelpOptions = true,
        defaultValueProvider = RegressionCommand.Defaults.class,
        description = {
            "MSE regression: iris petal width, train/test loss per epoch.",
            "MSE regression with a train/test loss history: predicts an iris flower's petal"
                    + " width from its sepal length, sepal width and petal length (standardised). Prints the train and"
                    + " test loss per epoch, then the test MSE, RMSE in centimetres and R^2."
        })
public final class RegressionCommand implements Runnable {

    /** This command's defaults for the shared options. */
    static final class Defaults extends CommandDefaults {
        /** The defaults. */
        Defaults() {
            super(
                    "--epochs",
                    "60",
                    "--batch-size",
                    "8",
                    "--lr",
                    "0.02",
                    "--optimizer",
                    "sgd",
                    "--loss",
                    LOSS,
                    "--seed",
                    "1",
                    "--hidden",
                    "8",
                    "--activation",
                    "tanh",
                    "--init",
                    "xavier-uniform");
        }
    }

    /** The loss. */
    static final String LOSS = "mse";
    /** The column of the target among the iris measurements: petal width. */
    private static final int TARGET = 3;

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
            description = "Share of the rows held out for testing, taken from each species alike (default:"
                    + " ${DEFAULT-VALUE}).")
    private double testFraction;

    /** A command for picocli. */
    public RegressionCommand() {}

    /** The iris measurements split into the three features and the petal width target, in centimetres. */
    static TabularDataset petalWidth(LabeledDataset iris) {
        DMatrixRMaj all = iris.features();
        DMatrixRMaj x = new DMatrixRMaj(all.numRows, TARGET);
        DMatrixRMaj t = new DMatrixRMaj(all.numRows, 1);
        for (int r = 0; r < all.numRows; r++) {
            for (int c = 0; c < TARGET; c++) {
                x.set(r, c, all.get(r, c));
            }
            t.set(r, 0, all.get(r, TARGET));
        }
        return new TabularDataset(x, t);
    }

    @Override
    public void run() {
        TrainingSession session = new TrainingSession(spec, "regression", training, BpCommand.registries(spec));
        OptionChecks.fraction(spec, "--test-fraction", testFraction);
        architecture.validate(session.registries());
        PrintWriter out = session.out();
        LabeledDataset iris = EmbeddedDatasets.iris();
        TabularDataset data = petalWidth(iris);
        // split each species in the same proportion, so both parts cover the range of petal widths
        SplitIndices split = Splits.indices(data.size(), iris.labels(), 0, testFraction, training.seed());
        TabularDataset rawTrain = data.subset(split.train());
        TabularDataset rawTest = data.subset(split.test());
        StandardScaler featureScaler = StandardScaler.fit(rawTrain.features());
        StandardScaler targetScaler = StandardScaler.fit(rawTrain.targets());
        TabularDataset train = new TabularDataset(
                featureScaler.transform(rawTrain.features()), targetScaler.transform(rawTrain.targets()));
        TabularDataset test = new TabularDataset(
                featureScaler.transform(rawTest.features()), targetScaler.transform(rawTest.targets()));
        double sigma = targetScaler.scale()[0];
        out.printf(
                Locale.ROOT,
                "iris petal width from sepal length, sepal width, petal length: %d training and %d"
                        + " test flowers; features and target standardised (target mean %.4f cm, sd %.4f cm)%n",
                train.size(),
                test.size(),
                targetScaler.mean()[0],
                sigma);
        Network network = architecture
                .addHiddenLayers(Network.builder(session.registries()).input(TARGET))
                .dense(1, "identity")
                .seed(training.seed())
                .build();
        Trainer trainer = session.trainer(List.of(
                        new EpochTable.Column("train.loss", "train loss"),
                        new EpochTable.Column("test.loss", "test loss"),
                        new EpochTable.Column("test.r2", "test R^2")))
                .evaluate("test", test)
                .metrics(Metrics.r2())
                .build();
        session.printSettings(network);
        TrainingResult result = session.fit(trainer, network, train);
        EpochRecord last = result.history().last();
        double testMse = last.metric("test.loss");
        // RMSE in cm: the target was divided by σ, so errors scale back by σ
        double rmseCm = Math.sqrt(testMse) * sigma;
        out.printf(
                Locale.ROOT,
                "test MSE %.6f (standardised), RMSE %.4f cm, R^2 %.4f%n",
                testMse,
                rmseCm,
                last.metric("test.r2"));
        session.save(network, ModelInfo.regression("regression", featureScaler, targetScaler));
        session.printJson(session.json(result.history())
                .put("test_loss", testMse)
                .put("test_r2", last.metric("test.r2"))
                .put("test_rmse_cm", rmseCm));
    }
}
