package dev.backprop.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.backend.MatrixBackends;
import dev.backprop.core.network.Network;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.train.Trainer;
import dev.backprop.data.TabularDataset;
import dev.backprop.data.batching.ShuffledBatches;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fixed-shape tree that adds the partitions' gradients, the per-task thread count of the engine, and a
 * network whose gradient is above Spark's 1 MiB direct-result limit trained with a tree deep enough that the
 * driver never holds all partitions' gradients (the shared test context allows the driver 4 MiB of results per
 * job, {@code spark.driver.maxResultSize}).
 */
@ExtendWith(LocalSpark.class)
class GradientTreeTest {

    private static JavaSparkContext sc;

    @BeforeAll
    static void start(JavaSparkContext context) {
        sc = context;
    }

    /**
     * Values where the grouping shows in the result. Computed with python3 in IEEE doubles: the left fold
     * ((((1e16 + 1) − 1e16) + 1) + 1) is 2.0 (1e16 + 1 rounds to 1e16); fan-in 2 over 5 leaves adds
     * (1e16 + 1) = 1e16 and (−1e16 + 1) = −1e16, then (1e16 + −1e16) = 0 with the fifth leaf 1 left alone, and the
     * driver adds 0 + 1 = 1.0.
     */
    @Test
    void treeOfFanInTwo_addsInItsFixedShape_whileFewLeavesAreFoldedInOrder() {
        double[] leaves = {1e16, 1.0, -1e16, 1.0, 1.0};
        assertThat(sumOf(leaves, 2)).isEqualTo(1.0);
        assertThat(sumOf(leaves, 8)).isEqualTo(2.0);
        // by hand: the rows add up whatever the shape
        assertThat(GradientTree.add(0, GradientTree.top(leafRdd(leaves), 5, 2)).rows())
                .isEqualTo(5);
    }

    @Test
    void treeOverPartitionsWithoutSamples_addsThoseThatHaveSome() {
        List<PartialSum> some = List.of(leaf(1, 0.5), leaf(4, 0.25));
        // by hand: 0.5 + 0.25 from leaves 1 and 4 of 6, fan-in 2
        PartialSum sum = GradientTree.add(0, GradientTree.top(sc.parallelize(some, 2), 6, 2));
        assertThat(sum.gradient()).containsExactly(0.75);
        assertThat(sum.rows()).isEqualTo(2);
    }

    private static double sumOf(double[] leaves, int fanIn) {
        return GradientTree.add(0, GradientTree.top(leafRdd(leaves), leaves.length, fanIn))
                .gradient()[0];
    }

    private static org.apache.spark.api.java.JavaRDD<PartialSum> leafRdd(double[] leaves) {
        List<PartialSum> list = new ArrayList<>();
        for (int p = 0; p < leaves.length; p++) {
            list.add(leaf(p, leaves[p]));
        }
        return sc.parallelize(list, leaves.length);
    }

    private static PartialSum leaf(int node, double value) {
        return new PartialSum(node, 1, value, new double[] {value});
    }

    /** spark.task.cpus is not set, so every task has 1 core (Spark's documented default). */
    @Test
    void tasksComputeWithTheirOwnCores_notTheHostsProcessors() {
        Network net = SparkTests.classifier(1);
        TrainingSetup setup = DriverChecks.setup(
                net, SparkTests.loss("spark-test-softmax-cross-entropy"), null, Reduction.MEAN, SparkTests.REGISTRIES);
        Broadcast<TrainingSetup> shared = sc.broadcast(setup);
        try {
            List<Integer> threads = sc.parallelize(List.of(0, 1), 2)
                    .map(i -> {
                        ExecutorCache cache = shared.value().cache();
                        Worker worker = cache.borrow(TaskCores.current());
                        try {
                            return MatrixBackends.builtInThreads(worker.backend())
                                    .getAsInt();
                        } finally {
                            cache.giveBack(worker);
                        }
                    })
                    .collect();
            assertThat(threads).containsExactly(1, 1);
        } finally {
            shared.destroy();
        }
    }

    /**
     * A 400-400-3 network has 400·400 + 400 + 400·3 + 3 = 161,603 parameters, 1,292,824 bytes of gradient: above
     * the 1 MiB direct-result limit, so every partial gradient travels through the block manager. Six partitions
     * would send the driver 6 × 1.29 MB = 7.8 MB per step, over the context's 4 MiB; the tree of fan-in 2
     * (6 → 3 → 2 nodes) sends it 2.6 MB. The weights agree with one JVM to rounding and repeat bit for bit.
     */
    @Test
    void networkAboveTheDirectResultLimit_isTrainedThroughTheTree_likeOneJvm_andBitIdenticallyTwice() {
        TabularDataset data = wide(48, 31);
        Loss mse = SparkTests.loss("spark-test-mse");
        Network reference = wideNetwork();
        Trainer.builder()
                .loss(mse)
                .optimizer("adam(lr=0.001)")
                .epochs(1)
                .build()
                .fit(
                        reference,
                        ShuffledBatches.builder(data).batchSize(24).seed(6).build());
        double[][] runs = new double[2][];
        for (int run = 0; run < 2; run++) {
            Network net = wideNetwork();
            try (ShardedSamples samples = ShardedSamples.parallelize(sc, data, 6);
                    SparkGradientSource source = SparkGradientSource.builder(samples)
                            .batchSize(24)
                            .seed(6)
                            .reductionFanIn(2)
                            .build()) {
                Trainer.builder()
                        .loss(mse)
                        .optimizer("adam(lr=0.001)")
                        .epochs(1)
                        .build()
                        .fit(net, source);
            }
            runs[run] = SparkTests.weights(net);
            assertThat(SparkTests.maxDifference(net, reference)).isLessThanOrEqualTo(1e-12);
            assertThat(SparkTests.maxDifference(net, wideNetwork())).isGreaterThan(1e-4);
        }
        assertThat(runs[0]).hasSize(161_603);
        assertThat(runs[1]).isEqualTo(runs[0]);
    }

    private static Network wideNetwork() {
        return Network.builder(SparkTests.REGISTRIES)
                .input(400)
                .dense(400, "spark-test-tanh")
                .dense(3, "spark-test-identity")
                .seed(4)
                .build();
    }

    /** n samples of 400 features in [−1, 1) and the three targets of {@link SparkTests#regression}'s rule. */
    private static TabularDataset wide(int n, long seed) {
        dev.backprop.core.random.Rng rng = new dev.backprop.core.random.Rng(seed);
        org.ejml.data.DMatrixRMaj x = new org.ejml.data.DMatrixRMaj(n, 400);
        org.ejml.data.DMatrixRMaj y = new org.ejml.data.DMatrixRMaj(n, 3);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 400; j++) {
                x.set(i, j, rng.nextDouble(-1, 1));
            }
            y.set(i, 0, Math.sin(x.get(i, 0)));
            y.set(i, 1, x.get(i, 1) * x.get(i, 2));
            y.set(i, 2, x.get(i, 3) - x.get(i, 0));
        }
        return new TabularDataset(x, y);
    }
}
