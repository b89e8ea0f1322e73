package dev.backprop.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingContext;
import dev.backprop.core.train.TrainingListener;
import dev.backprop.data.TabularDataset;
import dev.backprop.data.batching.ShuffledBatches;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Training with executors in JVMs of their own, as on a real cluster: Spark's {@code local-cluster} mode starts
 * a master and two workers in this JVM, and each worker launches its executor as a separate process with this
 * JVM's class path. The test plug-ins then reach the executors only as classes on that path, found by name with
 * ServiceLoader there. An executor that cannot start is relaunched rather than reported, hence the timeouts.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SeparateExecutorJvmsTest {

    /** A JVM holds one Spark context: the shared local one stops first. */
    @RegisterExtension
    static final BeforeAllCallback STOP_LOCAL = LocalSpark::stopShared;

    private static JavaSparkContext sc;

    @BeforeAll
    @Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    static void start() throws Exception {
        // the workers keep their logs and scratch files under SPARK_HOME (set by the build to target/)
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME")));
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        SparkConf conf = new SparkConf()
                .setMaster("local-cluster[2,1,1024]")
                .setAppName("SeparateExecutorJvmsTest")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.executor.memory", "512m")
                .set("spark.cores.max", "2")
                .set("spark.scheduler.minRegisteredResourcesRatio", "1.0")
                // as training applications should: a replacement executor gets tasks at once (see README)
                .set("spark.locality.wait", "0")
                .set("spark.executor.extraClassPath", classPath)
                .set("spark.executorEnv.SPARK_SCALA_VERSION", "2.13")
                .set("spark.executorEnv.SPARK_TESTING", "1");
        sc = new JavaSparkContext(conf);
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.stop();
        }
    }

    @Test
    void executorsRunInOtherProcesses_andDiscoverTheTestPluginsByName() {
        List<Integer> partitions = List.of(0, 1, 2, 3);
        List<String> seen = sc.parallelize(partitions, 4)
                .map(p -> {
                    Registries found = Registries.discover();
                    return ProcessHandle.current().pid() + " "
                            + found.activations().contains("spark-test-tanh") + " "
                            + found.losses().contains("spark-test-mse");
                })
                .collect();
        long driver = ProcessHandle.current().pid();
        List<Long> pids = new ArrayList<>();
        for (String s : seen) {
            String[] parts = s.split(" ", 0);
            pids.add(Long.parseLong(parts[0]));
            assertThat(parts[1])
                    .as("spark-test-tanh found on executor " + parts[0])
                    .isEqualTo("true");
            assertThat(parts[2])
                    .as("spark-test-mse found on executor " + parts[0])
                    .isEqualTo("true");
        }
        assertThat(pids).doesNotContain(driver);
    }

    /**
     * The executors rebuild the network and the loss from their names; the result is the single-JVM training's,
     * to rounding.
     */
    @Test
    void synchronousTrainingOnSeparateExecutors_equalsSingleJvmTraining() {
        TabularDataset data = SparkTests.regression(96, 12);
        Loss mse = SparkTests.loss("spark-test-mse");
        Network reference = SparkTests.regressor(13);
        Trainer.builder()
                .loss(mse)
                .optimizer("adam(lr=0.02)")
                .epochs(2)
                .build()
                .fit(
                        reference,
                        ShuffledBatches.builder(data).batchSize(24).seed(5).build());
        Network spark = SparkTests.regressor(13);
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, data, 4);
                SparkGradientSource source = SparkGradientSource.builder(samples)
                        .batchSize(24)
                        .seed(5)
                        .build()) {
            Trainer.builder()
                    .loss(mse)
                    .optimizer("adam(lr=0.02)")
                    .epochs(2)
                    .build()
                    .fit(spark, source);
        }
        assertThat(SparkTests.maxDifference(spark, reference)).isLessThanOrEqualTo(1e-12);
        assertThat(SparkTests.maxDifference(spark, SparkTests.regressor(13))).isGreaterThan(0.01);
    }

    /**
     * An executor killed after the second averaging round loses its cached shard and its partition's round
     * results, which hold the optimizer state; Spark recomputes them from their lineage, the worker starts a
     * replacement executor, and the run ends with the weights of an undisturbed run, bit for bit. With locality
     * wait 0 the replacement gets training tasks although every cached block is on the survivor by then.
     *
     * <p>Starting the replacement executor's JVM takes most of this test's 10–50 s, so it runs only with
     * {@code -Dbp.spark.executorLoss=true} (see the README).
     */
    @Test
    @EnabledIfSystemProperty(named = "bp.spark.executorLoss", matches = "true")
    void executorKilledDuringAveraging_isReplaced_getsWork_andTheWeightsAreUnchanged() throws Exception {
        TabularDataset data = SparkTests.regression(120, 21);
        Network undisturbed = SparkTests.regressor(22);
        Network disturbed = SparkTests.regressor(22);
        TaskCounter tasks = new TaskCounter();
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, data, 2)) {
            averaging(null).fit(undisturbed, samples);
            sc.sc().addSparkListener(tasks);
            try {
                averaging(new ExecutorKiller(tasks)).fit(disturbed, samples);
            } finally {
                sc.sc().removeSparkListener(tasks);
            }
        }
        assertThat(tasks.replacementTasks()).isGreaterThan(0);
        assertThat(SparkTests.weights(disturbed)).isEqualTo(SparkTests.weights(undisturbed));
    }

    /** Adam, 120 samples in batches of 10, rounds of 2: 6 rounds per epoch, 2 epochs. */
    private static ParameterAveragingTrainer averaging(TrainingListener listener) {
        ParameterAveragingTrainer.Builder builder = ParameterAveragingTrainer.builder()
                .loss("spark-test-mse")
                .optimizer("adam(lr=0.02)")
                .epochs(2)
                .averagingFrequency(2)
                .batchSize(10)
                .seed(3);
        if (listener != null) {
            builder.listener(listener);
        }
        return builder.build();
    }

    /**
     * Kills one executor after round 2 of the first epoch (the next rounds run on the survivor and cache the
     * lost partition's blocks there), and after round 4 waits for the worker's replacement executor.
     */
    private static final class ExecutorKiller implements TrainingListener {
        private final TaskCounter tasks;

        ExecutorKiller(TaskCounter tasks) {
            this.tasks = tasks;
        }

        @Override
        public void onBatchEnd(TrainingContext context, int epoch, int round, double loss) {
            try {
                if (epoch == 0 && round == 1) {
                    kill();
                } else if (epoch == 0 && round == 3) {
                    awaitReplacement();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void kill() throws InterruptedException {
            List<String> seen = sc.parallelize(List.of(0, 1, 2, 3), 4)
                    .map(i -> org.apache.spark.SparkEnv.get().executorId() + " "
                            + ProcessHandle.current().pid())
                    .collect();
            tasks.known.addAll(executors());
            String[] victim = seen.get(0).split(" ", 0);
            ProcessHandle process = ProcessHandle.of(Long.parseLong(victim[1])).orElseThrow();
            process.destroyForcibly();
            process.onExit().join();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (executors().contains(victim[0]) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }

        private void awaitReplacement() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                for (String id : executors()) {
                    if (!tasks.known.contains(id)) {
                        tasks.replacement = id;
                        return;
                    }
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("No replacement executor registered within 60 s");
        }

        private static List<String> executors() {
            // the executors registered now, the driver not included
            return new ArrayList<>(
                    scala.jdk.javaapi.CollectionConverters.asJava(sc.sc().getExecutorIds()));
        }
    }

    /** Counts the training tasks that ran on the replacement executor; Spark delivers events asynchronously. */
    private static final class TaskCounter extends org.apache.spark.scheduler.SparkListener {
        final java.util.Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();
        volatile String replacement;
        private final java.util.concurrent.atomic.AtomicInteger onReplacement =
                new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
            if (end.taskInfo().executorId().equals(replacement)) {
                onReplacement.incrementAndGet();
            }
        }

        int replacementTasks() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (onReplacement.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return onReplacement.get();
        }
    }

    @Test
    void parameterAveragingOnSeparateExecutors_createsTheOptimizerByName() {
        TabularDataset data = SparkTests.regression(96, 14);
        Network net = SparkTests.regressor(15);
        double[] before = SparkTests.weights(net);
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, data, 2)) {
            ParameterAveragingTrainer.builder()
                    .loss("spark-test-mse")
                    .optimizer("momentum(lr=0.05)")
                    .epochs(1)
                    .averagingFrequency(2)
                    .batchSize(16)
                    .build()
                    .fit(net, samples);
        }
        assertThat(SparkTests.weights(net)).isNotEqualTo(before);
    }
}
