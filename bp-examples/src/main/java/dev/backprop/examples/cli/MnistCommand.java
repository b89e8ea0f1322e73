package dev.backprop.examples.cli;

import dev.backprop.core.gradcheck.GradientCheck;
import dev.backprop.core.gradcheck.GradientCheckReport;
import dev.backprop.core.network.Network;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Loss;
import dev.backprop.data.LabeledDataset;
import dev.backprop.data.TabularDataset;
import dev.backprop.data.idx.MnistFolder;
import dev.backprop.data.idx.MnistLoader;
import dev.backprop.datasets.EmbeddedDatasets;
import dev.backprop.examples.support.ModelInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Seed 003's TwoLayerNet on MNIST: 784-50-10, ReLU, softmax with cross-entropy, SGD at 0.1 in minibatches of 100.
 * Before training, a gradient check compares backpropagation with central differences on a few training images;
 * then every epoch prints the train and test accuracy.
 */
@Command(
        name = "mnist",
        mixinStandardHelpOptions = true,
        defaultValueProvider = MnistCommand.Defaults.class,
        description = {
            "The TwoLayerNet (784-50-10) on MNIST, after a gradient check.",
            "The TwoLayerNet on MNIST handwritten digits: 784-50-10, ReLU, softmax with"
                    + " cross-entropy, SGD lr 0.1, batch 100. Checks the gradients on a few images first, then prints"
                    + " the train and test accuracy of every epoch.",
            "Uses the embedded 8,000 training and 2,000 test images unless --data names a folder with the"
                    + " standard IDX files (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz],"
                    + " t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz])."
        })
public final class MnistCommand implements Callable<Integer> {

    /** This command's defaults for the shared options: seed 003's settings. */
    static final class Defaults extends CommandDefaults {
        /** The defaults. */
        Defaults() {
            super(
                    "--epochs",
                    "30",
                    "--batch-size",
                    "100",
                    "--lr",
                    "0.1",
                    "--optimizer",
                    "sgd",
                    "--loss",
                    ClassificationRun.LOSS,
                    "--seed",
                    "3",
                    "--hidden",
                    "50",
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
            names = "--data",
            paramLabel = "DIR",
            description = "Folder with the four standard MNIST IDX files"
                    + " (raw or .gz), e.g. the full 60,000 + 10,000 set.")
    private Path data;

    @Option(names = "--train-limit", paramLabel = "N", description = "Train on the first N training images only.")
    private Integer trainLimit;

    @Option(names = "--test-limit", paramLabel = "N", description = "Test on the first N test images only.")
    private Integer testLimit;

    @Option(
            names = "--check-samples",
            paramLabel = "N",
            defaultValue = "3",
            description = "Training images in the"
                    + " gradient check before training; 0 skips it (default: ${DEFAULT-VALUE}).")
    private int checkSamples;

    @Option(
            names = "--check-entries",
            paramLabel = "N",
            defaultValue = "20",
            description = "Entries compared per"
                    + " weight matrix and bias in the gradient check (default: ${DEFAULT-VALUE}).")
    private int checkEntries;

    /** A command for picocli. */
    public MnistCommand() {}

    @Override
    public Integer call() {
        TrainingSession session = new TrainingSession(spec, "mnist", training, BpCommand.registries(spec));
        OptionChecks.atLeast(spec, "--check-samples", checkSamples, 0);
        OptionChecks.atLeast(spec, "--check-entries", checkEntries, 1);
        if (trainLimit != null) {
            OptionChecks.atLeast(spec, "--train-limit", trainLimit, 1);
        }
        if (testLimit != null) {
            OptionChecks.atLeast(spec, "--test-limit", testLimit, 1);
        }
        architecture.validate(session.registries());
        PrintWriter out = session.out();
        MnistFolder folder = data == null
                ? new MnistFolder(EmbeddedDatasets.mnistTrain(), EmbeddedDatasets.mnistTest())
                : new MnistLoader().loadFolder(data);
        LabeledDataset train = limit(folder.train(), trainLimit);
        LabeledDataset test = limit(folder.test(), testLimit);
        out.printf(
                Locale.ROOT,
                "MNIST from %s: %d training and %d test images of %d pixels in [0, 1]%n",
                data == null ? "the embedded subset" : data,
                train.size(),
                test.size(),
                train.featureCount());
        ClassificationRun run = new ClassificationRun(session, architecture);
        Network network = run.network(train.featureCount(), train.classCount());
        if (checkSamples > 0) {
            GradientCheckReport report = gradientCheck(session, network, train);
            if (!report.passed()) {
                out.println(report);
                out.println("the gradient check failed: backpropagation disagrees with numerical differentiation;"
                        + " not training");
                out.flush();
                return BpCommand.CHECK_FAILED;
            }
        }
        ClassificationRun.Outcome outcome = run.fit(network, train, test, true);
        run.report(outcome, train.classNames());
        session.save(network, ModelInfo.classifier("mnist", train.classNames(), null));
        session.printJson(
                run.json(outcome).put("train_samples", (long) train.size()).put("test_samples", (long) test.size()));
        return 0;
    }

    /** Seed 003's gradient check: backpropagation against central differences on the first few images. */
    private GradientCheckReport gradientCheck(TrainingSession session, Network network, LabeledDataset train) {
        int n = Math.min(checkSamples, train.size());
        int[] first = new int[n];
        for (int i = 0; i < n; i++) {
            first[i] = i;
        }
        TabularDataset sample = train.subset(first).oneHot();
        Loss loss = session.registries().losses().create(ComponentSpec.parse(session.loss()));
        DMatrixRMaj x = sample.features();
        DMatrixRMaj t = sample.targets();
        GradientCheckReport report =
                GradientCheck.defaults().sampling(checkEntries, training.seed()).check(network, loss, x, t);
        session.out()
                .printf(
                        Locale.ROOT,
                        "gradient check on %d images, %d sampled entries: %s, max relative error" + " %.3e%n",
                        n,
                        report.entries().size(),
                        report.passed() ? "passed" : "FAILED",
                        report.maxRelativeError());
        return report;
    }

    private static LabeledDataset limit(LabeledDataset set, Integer limit) {
        if (limit == null || limit >= set.size()) {
            return set;
        }
        int[] first = new int[limit];
        for (int i = 0; i < limit; i++) {
            first[i] = i;
        }
        return set.subset(first);
    }
}
