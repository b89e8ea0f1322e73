package dev.backprop.examples.cli;

import dev.backprop.core.eval.ConfusionMatrix;
import dev.backprop.core.eval.Evaluator;
import dev.backprop.core.eval.Metrics;
import dev.backprop.core.init.Initializers;
import dev.backprop.core.network.Network;
import dev.backprop.core.train.EpochRecord;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingResult;
import dev.backprop.data.LabeledDataset;
import dev.backprop.data.scaling.StandardScaler;
import dev.backprop.data.split.Splits;
import dev.backprop.data.split.TrainTest;
import dev.backprop.datasets.EmbeddedDatasets;
import dev.backprop.examples.support.EpochTable;
import dev.backprop.examples.support.JsonLine;
import dev.backprop.examples.support.ModelInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Seed 001's logistic regression, the smallest network backpropagation trains: one sigmoid unit
 * {@code a = σ(x w + b)} with binary cross-entropy, for which the chain rule gives {@code dz = a − y},
 * {@code dw = xᵀ dz}, {@code db = Σ dz}. The data: iris versicolor against virginica, the two species that overlap.
 */
@Command(
        name = "logistic",
        mixinStandardHelpOptions = true,
        defaultValueProvider = LogisticCommand.Defaults.class,
        description = {
            "Logistic regression on iris versicolor vs virginica.",
            "Logistic regression: one sigmoid unit with binary cross-entropy, telling iris"
                    + " versicolor (0) from virginica (1) by their 4 standardised measurements. Prints the loss and"
                    + " accuracy per epoch, the learned weights and the test confusion matrix."
        })
public final class LogisticCommand implements Runnable {

    /** This command's defaults for the shared options. */
    static final class Defaults extends CommandDefaults {
        /** The defaults. */
        Defaults() {
            super(
                    "--epochs",
                    "30",
                    "--batch-size",
                    "10",
                    "--lr",
                    "0.1",
                    "--optimizer",
                    "sgd",
                    "--loss",
                    LOSS,
                    "--seed",
                    "1");
        }
    }

    /** The loss. */
    static final String LOSS = "binary-cross-entropy";
    /** The iris classes kept, as class indices of the embedded data set: versicolor and virginica. */
    private static final int FIRST = 1;

    private static final int SECOND = 2;

    @Spec
    private CommandSpec spec;

    @Mixin
    private TrainingOptions training;

    @Option(
            names = "--test-fraction",
            paramLabel = "F",
            defaultValue = "0.3",
            description = "Share of each species held out for testing (default: ${DEFAULT-VALUE}).")
    private double testFraction;

    /** A command for picocli. */
    public LogisticCommand() {}

    /** Versicolor (label 0) and virginica (label 1) of the embedded iris data, in file order. */
    static LabeledDataset versicolorVirginica() {
        LabeledDataset iris = EmbeddedDatasets.iris();
        int[] labels = iris.labels();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == FIRST || labels[i] == SECOND) {
                kept.add(i);
            }
        }
        DMatrixRMaj features = new DMatrixRMaj(kept.size(), iris.featureCount());
        int[] binary = new int[kept.size()];
        for (int r = 0; r < kept.size(); r++) {
            int row = kept.get(r);
            for (int c = 0; c < iris.featureCount(); c++) {
                features.set(r, c, iris.features().get(row, c));
            }
            binary[r] = labels[row] == SECOND ? 1 : 0;
        }
        return LabeledDataset.of(
                features,
                binary,
                List.of(iris.classNames().get(FIRST), iris.classNames().get(SECOND)));
    }

    @Override
    public void run() {
        TrainingSession session = new TrainingSession(spec, "logistic", training, BpCommand.registries(spec));
        OptionChecks.fraction(spec, "--test-fraction", testFraction);
        PrintWriter out = session.out();
        LabeledDataset all = versicolorVirginica();
        TrainTest<LabeledDataset> split = Splits.trainTest(all, testFraction, training.seed(), true);
        StandardScaler scaler = StandardScaler.fit(split.train().features());
        LabeledDataset train = scaler.transform(split.train());
        LabeledDataset test = scaler.transform(split.test());
        out.printf(
                Locale.ROOT,
                "iris %s (0) vs %s (1): %d training and %d test flowers, features standardised%n",
                all.classNames().get(0),
                all.classNames().get(1),
                train.size(),
                test.size());
        // a = σ(x w + b), w and b from zero as logistic regression usually starts
        Network network = Network.builder(session.registries())
                .input(train.featureCount())
                .dense(1, "sigmoid")
                .initializer(Initializers.zeros())
                .seed(training.seed())
                .build();
        Trainer trainer = session.trainer(List.of(
                        new EpochTable.Column("train.loss", "train loss"),
                        new EpochTable.Column("test.loss", "test loss"),
                        new EpochTable.Column("test.accuracy", "test acc")))
                .evaluate("test", test.data())
                .metrics(Metrics.accuracy())
                .build();
        session.printSettings(network);
        TrainingResult result = session.fit(trainer, network, train.data());

        DMatrixRMaj w = network.layer(0).weights();
        out.println();
        out.println("learned a = sigmoid(x w + b) on standardised features:");
        List<String> names = List.of("sepal length", "sepal width", "petal length", "petal width");
        for (int i = 0; i < w.numRows; i++) {
            out.printf(Locale.ROOT, "  w%d (%s) = %+.6f%n", i + 1, names.get(i), w.get(i, 0));
        }
        out.printf(Locale.ROOT, "  b = %+.6f%n", network.layer(0).bias().get(0, 0));
        DMatrixRMaj y = new Evaluator().predict(network, test.data());
        ConfusionMatrix confusion = new ConfusionMatrix(2);
        for (int i = 0; i < y.numRows; i++) {
            confusion.add(test.label(i), y.get(i, 0) >= 0.5 ? 1 : 0);
        }
        EpochRecord last = result.history().last();
        out.printf(
                Locale.ROOT,
                "test accuracy %.4f (%d of %d)%n",
                confusion.accuracy(),
                confusion.count(0, 0) + confusion.count(1, 1),
                confusion.total());
        out.println("confusion matrix (rows: true class, columns: predicted class)");
        out.print(ClassificationRun.confusionTable(confusion, all.classNames()));
        session.save(network, ModelInfo.binary("logistic", all.classNames(), scaler));
        JsonLine json = session.json(result.history())
                .put("test_loss", last.metric("test.loss"))
                .put("test_accuracy", last.metric("test.accuracy"));
        for (int i = 0; i < w.numRows; i++) {
            json.put("w" + (i + 1), w.get(i, 0));
        }
        session.printJson(json.put("b", network.layer(0).bias().get(0, 0)));
    }
}
