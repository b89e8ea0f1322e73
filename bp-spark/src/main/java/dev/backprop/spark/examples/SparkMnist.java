package dev.backprop.spark.examples;

import dev.backprop.core.eval.Metrics;
import dev.backprop.core.init.Initializers;
import dev.backprop.core.io.ModelDocument;
import dev.backprop.core.io.ModelFile;
import dev.backprop.core.network.Network;
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
 * Trains a 784-64-10 network (ReLU, then logits with {@code softmax-cross-entropy}) on the embedded MNIST subset
 * (8,000 training and 2,000 test digits) with Spark, prints each epoch and the test accuracy, and saves the
 * trained network as a bp model file.
 *
 * <p>Options, all optional: {@code --mode sync|averaging} (default {@code sync}), {@code --partitions P} (2),
 * {@code --epochs E} (5), {@code --batch B} (64), {@code --k K} (5, batches per averaging round),
 * {@code --output FILE} ({@code mnist-spark.bp}). Without a master from {@code spark-submit} it runs in
 * {@code local[2]}, bound to 127.0.0.1.
 */
public final class SparkMnist {

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

        SparkConf conf = new SparkConf().setAppName("bp: MNIST on Spark").setIfMissing("spark.master", "local[2]");
        boolean local = conf.get("spark.master").startsWith("local");
        if (local) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1")
                    .setIfMissing("spark.driver.bindAddress", "127.0.0.1")
                    .setIfMissing("spark.ui.enabled", "false")
                    .setIfMissing("spark.log.level", "WARN");
        }
        PrintStream out = System.out;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            LabeledDataset train = EmbeddedDatasets.mnistTrain();
            LabeledDataset test = EmbeddedDatasets.mnistTest();
            Network network = Network.builder()
                    .input(784)
                    .dense(64, "relu")
                    .dense(10, "identity")
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
            try (ShardedSamples samples = ShardedSamples.parallelize(sc, train.data(), partitions)) {
                if (mode.equals("sync")) {
                    try (SparkGradientSource source = SparkGradientSource.builder(samples)
                            .batchSize(batch)
                            .seed(2)
                            .build()) {
                        result = Trainer.builder()
                                .loss("softmax-cross-entropy")
                                .optimizer("adam(lr=0.002)")
                                .epochs(epochs)
                                .evaluate("test", test.data())
                                .metrics(Metrics.accuracy())
                                .listener(printer)
                                .build()
                                .fit(network, source);
                    }
                } else {
                    result = ParameterAveragingTrainer.builder()
                            .loss("softmax-cross-entropy")
                            .optimizer("adam(lr=0.002)")
                            .epochs(epochs)
                            .averagingFrequency(k)
                            .batchSize(batch)
                            .seed(2)
                            .evaluate("test", test.data())
                            .metrics(Metrics.accuracy())
                            .listener(printer)
                            .build()
                            .fit(network, samples);
                }
            }
            ModelFile.save(
                    output,
                    ModelDocument.of(network)
                            .withMetadata("trained-with", "bp-spark " + mode)
                            .withLoss(dev.backprop.core.spi.ComponentSpec.of("softmax-cross-entropy")));
            out.printf(
                    Locale.ROOT,
                    "test accuracy %.4f; model saved to %s%n",
                    result.history().last().metric("test.accuracy"),
                    output.toAbsolutePath());
        }
    }
}
