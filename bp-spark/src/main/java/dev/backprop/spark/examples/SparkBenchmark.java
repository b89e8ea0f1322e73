package dev.backprop.spark.examples;

import dev.backprop.core.init.Initializers;
import dev.backprop.core.network.Network;
import dev.backprop.core.train.Trainer;
import dev.backprop.data.LabeledDataset;
import dev.backprop.data.batching.ShuffledBatches;
import dev.backprop.datasets.EmbeddedDatasets;
import dev.backprop.spark.ParameterAveragingTrainer;
import dev.backprop.spark.ShardedSamples;
import dev.backprop.spark.SparkGradientSource;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Measures training throughput on the embedded MNIST subset (8,000 digits, a 784-64-10 network, Adam): in one
 * JVM with the ordinary trainer, on Spark synchronously, and on Spark with parameter averaging. Each is run once
 * for one epoch to warm up, then timed over {@code --epochs} epochs without evaluation; the table gives samples
 * per second and the time per global step, and for Spark the overhead per step over the single JVM.
 *
 * <p>Options: {@code --epochs E} (3), {@code --partitions P} (2), {@code --batch B} (64), {@code --k K} (5),
 * {@code --executors N} (the N of a {@code local-cluster[N,…]} master, else 0): nothing is timed before N
 * executors have registered. Runs in {@code local[2]} unless a master is configured; see {@link SparkSetup} for
 * {@code local-cluster}. The table's heading gives the system load average before and after.
 */
public final class SparkBenchmark {

    private SparkBenchmark() {}

    /**
     * Runs the benchmark and prints a Markdown table.
     *
     * @param args the options above
     * @throws InterruptedException if interrupted while waiting for the executors
     */
    public static void main(String[] args) throws InterruptedException {
        ExampleOptions options = ExampleOptions.parse(args, Set.of("epochs", "partitions", "batch", "k", "executors"));
        int epochs = options.integer("epochs", 3);
        int partitions = options.integer("partitions", 2);
        int batch = options.integer("batch", 64);
        int k = options.integer("k", 5);
        SparkConf conf = SparkSetup.local(new SparkConf().setAppName("bp: Spark benchmark"));
        int executors = options.integer("executors", SparkSetup.localClusterExecutors(conf.get("spark.master")));
        LabeledDataset train = EmbeddedDatasets.mnistTrain();
        int n = train.size();
        int steps = epochs * ((n + batch - 1) / batch);
        PrintStream out = System.out;
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        double loadBefore = os.getSystemLoadAverage();
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            // every executor registered before anything is timed, the single JVM included: executors that are
            // still starting take the processors from the baseline and the first jobs
            SparkSetup.awaitExecutors(sc, executors);
            ShuffledBatches batches = ShuffledBatches.builder(train.data())
                    .batchSize(batch)
                    .seed(2)
                    .build();
            singleJvm(1, batches);
            double single = singleJvm(epochs, batches);
            double sync;
            double averaging;
            try (ShardedSamples samples = ShardedSamples.parallelize(sc, train.data(), partitions);
                    SparkGradientSource source = SparkGradientSource.builder(samples)
                            .batchSize(batch)
                            .seed(2)
                            .build()) {
                synchronous(1, source);
                sync = synchronous(epochs, source);
                averaging(1, samples, batch, k);
                averaging = averaging(epochs, samples, batch, k);
            }
            out.printf(
                    Locale.ROOT,
                    "MNIST subset, %d samples, 784-64-10, Adam, batches of %d, %d epochs (%d steps), "
                            + "Spark master %s, %d executors, %d partitions, %d processors, "
                            + "load average %.1f before and %.1f after%n%n",
                    n,
                    batch,
                    epochs,
                    steps,
                    conf.get("spark.master"),
                    executors,
                    partitions,
                    Runtime.getRuntime().availableProcessors(),
                    loadBefore,
                    os.getSystemLoadAverage());
            out.println("| training | samples/s | ms per global step | overhead per step vs one JVM |");
            out.println("|---|---:|---:|---:|");
            row(out, "single JVM (Trainer + ShuffledBatches)", single, (long) epochs * n, steps, single);
            row(out, "Spark, synchronous (SparkGradientSource)", sync, (long) epochs * n, steps, single);
            row(out, "Spark, parameter averaging, k = " + k, averaging, (long) epochs * n, steps, single);
        }
    }

    private static void row(PrintStream out, String name, double seconds, long samples, int steps, double single) {
        out.printf(
                Locale.ROOT,
                "| %s | %.0f | %.2f | %s |%n",
                name,
                samples / seconds,
                1000 * seconds / steps,
                seconds == single ? "–" : String.format(Locale.ROOT, "%+.2f ms", 1000 * (seconds - single) / steps));
    }

    private static Network network() {
        return Network.builder()
                .input(784)
                .dense(64, "relu")
                .dense(10, "identity")
                .initializer(Initializers.heNormal())
                .seed(1)
                .build();
    }

    private static double singleJvm(int epochs, ShuffledBatches batches) {
        Trainer trainer = Trainer.builder()
                .loss("softmax-cross-entropy")
                .optimizer("adam(lr=0.002)")
                .epochs(epochs)
                .build();
        Network net = network();
        long start = System.nanoTime();
        trainer.fit(net, batches);
        return (System.nanoTime() - start) / 1e9;
    }

    private static double synchronous(int epochs, SparkGradientSource source) {
        Trainer trainer = Trainer.builder()
                .loss("softmax-cross-entropy")
                .optimizer("adam(lr=0.002)")
                .epochs(epochs)
                .build();
        Network net = network();
        long start = System.nanoTime();
        trainer.fit(net, source);
        return (System.nanoTime() - start) / 1e9;
    }

    private static double averaging(int epochs, ShardedSamples samples, int batch, int k) {
        ParameterAveragingTrainer trainer = ParameterAveragingTrainer.builder()
                .loss("softmax-cross-entropy")
                .optimizer("adam(lr=0.002)")
                .epochs(epochs)
                .averagingFrequency(k)
                .batchSize(batch)
                .seed(2)
                .build();
        Network net = network();
        long start = System.nanoTime();
        trainer.fit(net, samples);
        return (System.nanoTime() - start) / 1e9;
    }
}
