package dev.backprop.examples.cli;

import dev.backprop.core.eval.ConfusionMatrix;
import dev.backprop.core.eval.Evaluator;
import dev.backprop.core.eval.Metrics;
import dev.backprop.core.network.Network;
import dev.backprop.core.train.EpochRecord;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingResult;
import dev.backprop.data.LabeledDataset;
import dev.backprop.data.TabularDataset;
import dev.backprop.data.scaling.StandardScaler;
import dev.backprop.data.split.Splits;
import dev.backprop.data.split.TrainTest;
import dev.backprop.examples.support.EpochTable;
import dev.backprop.examples.support.JsonLine;
import dev.backprop.examples.support.ModelInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The training code shared by the multi-class commands ({@code iris}, {@code digits}, {@code mnist}): a network of
 * the chosen hidden layers with a softmax output, trained on one-hot targets with categorical cross-entropy (which
 * the engine fuses with the softmax into {@code dZ = (P − T)/n}), evaluated after every epoch, and reported with
 * the test accuracy and the confusion matrix.
 */
final class ClassificationRun {

    /** The output activation of every classifier. */
    static final String OUTPUT_ACTIVATION = "softmax";
    /** The loss of every classifier, on one-hot targets. */
    static final String LOSS = "categorical-cross-entropy";
    /**
     * The name under which the whole training set is evaluated after each epoch. Not {@code train}: the epoch's
     * record already has {@code train.loss}, the mean loss of its batches, which {@code train.loss} of an
     * evaluation set of that name would shadow.
     */
    static final String TRAIN_EVALUATION = "train-eval";

    /**
     * What a run gave.
     *
     * @param network   the trained network
     * @param result    the trainer's result
     * @param confusion the test set's confusion matrix, true classes in rows
     */
    record Outcome(Network network, TrainingResult result, ConfusionMatrix confusion) {

        /** The last epoch's record. */
        EpochRecord last() {
            return result.history().last();
        }

        /** The test accuracy after the last epoch. */
        double testAccuracy() {
            return last().metric("test.accuracy");
        }
    }

    private final TrainingSession session;
    private final NetworkOptions architecture;

    /**
     * A whole classification command on an embedded table: stratified train/test split, features standardised with
     * the training part's statistics, train, report, save, JSON.
     *
     * @param describe the line printed before training, from the standardised training and test parts
     */
    static void runOnTable(
            CommandSpec spec,
            String command,
            TrainingOptions training,
            NetworkOptions architecture,
            double testFraction,
            Supplier<LabeledDataset> table,
            BiFunction<LabeledDataset, LabeledDataset, String> describe) {
        TrainingSession session = new TrainingSession(spec, command, training, BpCommand.registries(spec));
        OptionChecks.fraction(spec, "--test-fraction", testFraction);
        architecture.validate(session.registries());
        LabeledDataset data = table.get();
        TrainTest<LabeledDataset> split = Splits.trainTest(data, testFraction, training.seed(), true);
        StandardScaler scaler = StandardScaler.fit(split.train().features());
        LabeledDataset train = scaler.transform(split.train());
        LabeledDataset test = scaler.transform(split.test());
        session.out().println(describe.apply(train, test));
        ClassificationRun run = new ClassificationRun(session, architecture);
        Network network = run.network(train.featureCount(), train.classCount());
        Outcome outcome = run.fit(network, train, test, true);
        run.report(outcome, data.classNames());
        session.save(network, ModelInfo.classifier(command, data.classNames(), scaler));
        session.printJson(run.json(outcome));
    }

    ClassificationRun(TrainingSession session, NetworkOptions architecture) {
        this.session = session;
        this.architecture = architecture;
    }

    /** The network: the input, the hidden layers of the options, a softmax layer of one unit per class. */
    Network network(int inputs, int classes) {
        return architecture
                .addHiddenLayers(Network.builder(session.registries()).input(inputs))
                .dense(classes, OUTPUT_ACTIVATION)
                .seed(session.options().seed())
                .build();
    }

    /**
     * Trains and evaluates.
     *
     * @param network       a network from {@link #network}
     * @param train         the training part, already scaled
     * @param test          the test part, scaled like the training part
     * @param trainAccuracy whether to evaluate the whole training set after every epoch as well
     */
    Outcome fit(Network network, LabeledDataset train, LabeledDataset test, boolean trainAccuracy) {
        TabularDataset trainOneHot = train.oneHot();
        TabularDataset testOneHot = test.oneHot();
        List<EpochTable.Column> columns = new ArrayList<>();
        columns.add(new EpochTable.Column("train.loss", "train loss"));
        if (trainAccuracy) {
            columns.add(new EpochTable.Column(TRAIN_EVALUATION + ".accuracy", "train acc"));
        }
        columns.add(new EpochTable.Column("test.loss", "test loss"));
        columns.add(new EpochTable.Column("test.accuracy", "test acc"));
        Trainer.Builder builder = session.trainer(columns).metrics(Metrics.accuracy());
        if (trainAccuracy) {
            builder.evaluate(TRAIN_EVALUATION, trainOneHot);
        }
        builder.evaluate("test", testOneHot);
        session.printSettings(network);
        TrainingResult result = session.fit(builder.build(), network, trainOneHot);
        Evaluator evaluator = new Evaluator();
        DMatrixRMaj outputs = evaluator.predict(network, testOneHot);
        ConfusionMatrix confusion = Metrics.confusion(outputs, evaluator.lastTargets(), test.classCount());
        return new Outcome(network, result, confusion);
    }

    /** Prints the test accuracy and the confusion matrix with the class names. */
    void report(Outcome outcome, List<String> classNames) {
        PrintWriter out = session.out();
        ConfusionMatrix m = outcome.confusion();
        long correct = 0;
        for (int c = 0; c < m.classCount(); c++) {
            correct += m.count(c, c);
        }
        out.printf(
                Locale.ROOT,
                "test accuracy %.4f (%d of %d), macro F1 %.4f%n",
                m.accuracy(),
                correct,
                m.total(),
                m.macroF1());
        out.println("confusion matrix (rows: true class, columns: predicted class)");
        out.print(confusionTable(m, classNames));
    }

    /** The confusion matrix as a table with the class names in the first column and as column titles. */
    static String confusionTable(ConfusionMatrix m, List<String> classNames) {
        int width = 5;
        for (String name : classNames) {
            width = Math.max(width, name.length());
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%" + width + "s", ""));
        for (String name : classNames) {
            sb.append(String.format(Locale.ROOT, " %" + width + "s", name));
        }
        sb.append(System.lineSeparator());
        for (int a = 0; a < m.classCount(); a++) {
            sb.append(String.format(Locale.ROOT, "%" + width + "s", classNames.get(a)));
            for (int p = 0; p < m.classCount(); p++) {
                sb.append(String.format(Locale.ROOT, " %" + width + "d", m.count(a, p)));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** The JSON line of a classification run: final train loss, test loss and accuracy, and train accuracy. */
    JsonLine json(Outcome outcome) {
        EpochRecord last = outcome.last();
        JsonLine line = session.json(outcome.result().history())
                .put("test_loss", last.metric("test.loss"))
                .put("test_accuracy", last.metric("test.accuracy"));
        if (last.metrics().containsKey(TRAIN_EVALUATION + ".accuracy")) {
            line.put("train_accuracy", last.metric(TRAIN_EVALUATION + ".accuracy"));
        }
        return line;
    }
}
