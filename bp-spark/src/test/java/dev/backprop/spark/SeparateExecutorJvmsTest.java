package dev.backprop.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.train.Trainer;
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
            String[] parts = s.split(" ");
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
