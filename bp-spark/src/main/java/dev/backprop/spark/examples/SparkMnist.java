package dev.backprop.spark.examples;

import dev.backprop.core.eval.Metrics;
import dev.backprop.core.init.Initializers;
import dev.backprop.core.io.ModelDocument;
import dev.backprop.core.io.ModelFile;
import dev.backprop.core.network.Network;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.train.EpochRecord;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingContext;
import dev.backprop.core.train.TrainingListener;
import dev.backprop.core.train.TrainingResult;
import dev.backprop.data.LabeledDataset;
import dev.backprop.datasets.EmbeddedDatasets;
import dev.backprop.spark.ParameterAveragingTrainer;
import dev.backprop.spark.ShardedSamples;
import dev.backprop.spark.SparkGradientSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Trains a 784-64-10 network (ReLU, then softmax with {@code categorical-cross-entropy}) on the embedded MNIST
 * subset (8,000 training and 2,000 test digits, targets one-hot) with Spark, prints each epoch and the test accuracy, and saves the
 * trained network as a bp model file with the class names, so that {@code bp predict --model FILE} prints each
 * row's digit and class probabilities.
 *
 * <p>Options, all optional: {@code --mode sync|averaging} (default {@code sync}), {@code --partitions P} (2),
 * {@code --epochs E} (5), {@code --batch B} (64), {@code --k K} (5, batches per averaging round),
 * {@code --output FILE} ({@code mnist-spark.bp}). Without a master from {@code spark-submit} it runs in
 * {@code local[2]}, bound to 127.0.0.1.
 */
public final class SparkMnist {

    /** The loss, as the bp program's classifiers use it with softmax outputs. */
    private static final String LOSS = "categorical-cross-entropy";

    private SparkMnist() {}

    /**
     * Runs the example.
     *
     * @param args the options above
     * @throws IOException if the model file cannot be written
     */
    public static void main(String[] args) throws IOException {
        ExampleOptions options =
                ExampleOptions.parse(args, Set.of("mode", "partitions", "epochs", "batch", "k", "output"));
        String mode = options.text("mode", "sync");
        if (!mode.equals("sync") && !mode.equals("averaging")) {
            throw new IllegalArgumentException("--mode must be sync or averaging, got '" + mode + "'");
        }
        int partitions = options.integer("partitions", 2);
        int epochs = options.integer("epochs", 5);
        int batch = options.integer("batch", 64);
        int k = options.integer("k", 5);
        Path output = Path.of(options.path("output", "mnist-spark.bp"));

        SparkConf conf = SparkSetup.local(new SparkConf().setAppName("bp: MNIST on Spark"));
        PrintStream out = System.out;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            LabeledDataset train = EmbeddedDatasets.mnistTrain();
            LabeledDataset test = EmbeddedDatasets.mnistTest();
            Network network = Network.builder()
                    .input(784)
                    .dense(64, "relu")
                    .dense(10, "softmax")
                    .initializer(Initializers.heNormal())
                    .seed(1)
                    .build();
            TrainingListener printer = new TrainingListener() {
                @Override
                public void onEpochEnd(TrainingContext context, EpochRecord r) {
                    out.printf(
                            Locale.ROOT,
                            "epoch %d: train.loss %.4f, test.accuracy %.4f (%.1f s)%n",
                            r.epoch() + 1,
                            r.trainLoss(),
                            r.metric("test.accuracy"),
                            r.seconds());
                }
            };
            out.printf(
                    Locale.ROOT,
                    "%s training on %s, %d partitions, batches of %d%s%n",
                    mode,
                    conf.get("spark.master"),
                    partitions,
                    batch,
                    mode.equals("averaging") ? ", k = " + k : "");
            TrainingResult result;
            try (ShardedSamples samples = ShardedSamples.parallelize(sc, train.oneHot(), partitions)) {
                if (mode.equals("sync")) {
                    try (SparkGradientSource source = SparkGradientSource.builder(samples)
                            .batchSize(batch)
                            .seed(2)
                            .build()) {
                        result = Trainer.builder()
                                .loss(LOSS)
                                .optimizer("adam(lr=0.002)")
                                .epochs(epochs)
                                .evaluate("test", test.oneHot())
                                .metrics(Metrics.accuracy())
                                .listener(printer)
                                .build()
                                .fit(network, source);
                    }
                } else {
                    result = ParameterAveragingTrainer.builder()
                            .loss(LOSS)
                            .optimizer("adam(lr=0.002)")
                            .epochs(epochs)
                            .averagingFrequency(k)
                            .batchSize(batch)
                            .seed(2)
                            .evaluate("test", test.oneHot())
                            .metrics(Metrics.accuracy())
                            .listener(printer)
                            .build()
                            .fit(network, samples);
                }
            }
            ModelDocument model = ModelDocument.of(network)
                    .withLoss(ComponentSpec.parse(LOSS))
                    .withMetadata("trained-with", "bp-spark " + mode)
                    // the metadata the bp program's predict command reads: a classifier and its class names
                    .withMetadata("bp.command", "spark-mnist")
                    .withMetadata("bp.task", "classification")
                    .withMetadata(
                            "bp.classes", Integer.toString(train.classNames().size()));
            for (int i = 0; i < train.classNames().size(); i++) {
                model = model.withMetadata("bp.class." + i, train.classNames().get(i));
            }
            ModelFile.save(output, model);
            out.printf(
                    Locale.ROOT,
                    "test accuracy %.4f; model saved to %s%n",
                    result.history().last().metric("test.accuracy"),
                    output.toAbsolutePath());
        }
    }
}
