package dev.backprop.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.eval.Metrics;
import dev.backprop.core.init.Initializers;
import dev.backprop.core.network.Network;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.train.Checkpoint;
import dev.backprop.core.train.Checkpoints;
import dev.backprop.core.train.EpochRecord;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingContext;
import dev.backprop.core.train.TrainingListener;
import dev.backprop.core.train.TrainingResult;
import dev.backprop.data.LabeledDataset;
import dev.backprop.data.TabularDataset;
import dev.backprop.data.batching.ShuffledBatches;
import dev.backprop.datasets.EmbeddedDatasets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalSpark.class)
class ParameterAveragingTest {

    private static JavaSparkContext sc;

    @BeforeAll
    static void start(JavaSparkContext context) {
        sc = context;
    }

    /**
     * With k = 1, plain SGD and a mean-reduced loss, averaging the partitions' steps w − η g_p with weights
     * m_p / B gives w − η Σ (m_p / B) g_p, the single-JVM step: the reference is the ordinary trainer.
     */
    @Test
    void everyBatchAveragedWithPlainSgd_equalsSingleJvmSgd() {
        TabularDataset data = SparkTests.classes(150, 5);
        Loss ce = SparkTests.loss("spark-test-softmax-cross-entropy");
        Network reference = SparkTests.classifier(21);
        Trainer.builder()
                .loss(ce)
                .optimizer("sgd(lr=0.2)")
                .epochs(3)
                .build()
                .fit(
                        reference,
                        ShuffledBatches.builder(data).batchSize(16).seed(3).build());
        Network averaged = SparkTests.classifier(21);
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, data, 3)) {
            ParameterAveragingTrainer.builder()
                    .loss(ce)
                    .optimizer("sgd(lr=0.2)")
                    .epochs(3)
                    .averagingFrequency(1)
                    .batchSize(16)
                    .seed(3)
                    .build()
                    .fit(averaged, samples);
        }
        assertThat(SparkTests.maxDifference(averaged, reference)).isLessThanOrEqualTo(1e-12);
        assertThat(SparkTests.maxDifference(averaged, SparkTests.classifier(21)))
                .isGreaterThan(0.05);
    }

    /**
     * The acceptance figure: on the embedded MNIST subset (8,000 training, 2,000 test digits), a
     * 784-32-10 network trained three epochs with Adam by parameter averaging (2 partitions, k = 5) reaches the
     * test accuracy of the same training in one JVM within one percentage point.
     */
    @Test
    void parameterAveragingOnMnist_reachesSingleJvmTestAccuracyWithinOnePoint() {
        LabeledDataset train = EmbeddedDatasets.mnistTrain();
        LabeledDataset test = EmbeddedDatasets.mnistTest();
        Loss ce = SparkTests.loss("spark-test-softmax-cross-entropy");
        Network single = mnistNetwork();
        TrainingResult one = Trainer.builder()
                .loss(ce)
                .optimizer("adam(lr=0.002)")
                .epochs(3)
                .evaluate("test", test.data())
                .metrics(Metrics.accuracy())
                .build()
                .fit(
                        single,
                        ShuffledBatches.builder(train.data())
                                .batchSize(64)
                                .seed(2)
                                .build());
        Network averaged = mnistNetwork();
        TrainingResult spark;
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, train.data(), 2)) {
            spark = ParameterAveragingTrainer.builder()
                    .loss(ce)
                    .optimizer("adam(lr=0.002)")
                    .epochs(3)
                    .averagingFrequency(5)
                    .batchSize(64)
                    .seed(2)
                    .evaluate("test", test.data())
                    .metrics(Metrics.accuracy())
                    .build()
                    .fit(averaged, samples);
        }
        double singleAccuracy = one.history().last().metric("test.accuracy");
        double sparkAccuracy = spark.history().last().metric("test.accuracy");
        // a trained network, not chance (10 %): both runs learned
        assertThat(singleAccuracy).isGreaterThan(0.85);
        assertThat(Math.abs(sparkAccuracy - singleAccuracy)).isLessThanOrEqualTo(0.01);
    }

    private static Network mnistNetwork() {
        return Network.builder(SparkTests.REGISTRIES)
                .input(784)
                .dense(32, "spark-test-relu")
                .dense(10, "spark-test-softmax")
                .initializer(Initializers.heNormal())
                .seed(1)
                .build();
    }

    @Test
    void checkpointedRun_resumesToTheUninterruptedWeights(@TempDir Path dir) throws Exception {
        TabularDataset data = SparkTests.classes(120, 9);
        Loss ce = SparkTests.loss("spark-test-softmax-cross-entropy");
        Path file = dir.resolve("averaging.bp");
        Network uninterrupted = SparkTests.classifier(6);
        Network resumed;
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, data, 2)) {
            ParameterAveragingTrainer.builder()
                    .loss(ce)
                    .optimizer("adam(lr=0.01)")
                    .epochs(3)
                    .averagingFrequency(2)
                    .batchSize(12)
                    .seed(4)
                    .build()
                    .fit(uninterrupted, samples);

            ParameterAveragingTrainer.builder()
                    .loss(ce)
                    .optimizer("adam(lr=0.01)")
                    .epochs(2)
                    .averagingFrequency(2)
                    .batchSize(12)
                    .seed(4)
                    .checkpoints(Checkpoints.every(1, file))
                    .build()
                    .fit(SparkTests.classifier(6), samples);
            Checkpoint saved = Checkpoints.load(file, SparkTests.REGISTRIES);
            ParameterAveragingTrainer again = ParameterAveragingTrainer.builder()
                    .loss(ce)
                    .optimizer("adam(lr=0.01)")
                    .epochs(3)
                    .averagingFrequency(2)
                    .batchSize(12)
                    .seed(4)
                    .build();
            Checkpoints.requireSameRun(saved, again.components());
            assertThat(saved.state().epochsDone()).isEqualTo(2);
            resumed = saved.network();
            again.resume(resumed, samples, saved.state());
        }
        assertThat(SparkTests.weights(resumed)).isEqualTo(SparkTests.weights(uninterrupted));
    }

    @Test
    void listenersHearRounds_andStepsCountGlobalBatches() {
        List<String> events = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpochStart(TrainingContext context, int epoch, int rounds) {
                events.add("start " + epoch + " rounds " + rounds);
            }

            @Override
            public void onBatchEnd(TrainingContext context, int epoch, int round, double loss) {
                events.add("round " + round + " step " + context.step());
            }

            @Override
            public void onEpochEnd(TrainingContext context, EpochRecord record) {
                events.add("end " + record.epoch());
            }
        };
        TrainingResult result;
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, SparkTests.classes(100, 3), 2)) {
            result = ParameterAveragingTrainer.builder()
                    .loss(SparkTests.loss("spark-test-softmax-cross-entropy"))
                    .optimizer("sgd(lr=0.1)")
                    .epochs(1)
                    .averagingFrequency(3)
                    .batchSize(10)
                    .listener(listener)
                    .build()
                    .fit(SparkTests.classifier(2), samples);
        }
        // by hand: 100 samples in batches of 10 are 10 steps; rounds of 3 batches are 3, 3, 3 and 1
        assertThat(events)
                .containsExactly(
                        "start 0 rounds 4",
                        "round 0 step 3",
                        "round 1 step 6",
                        "round 2 step 9",
                        "round 3 step 10",
                        "end 0");
        assertThat(result.finalState().step()).isEqualTo(10);
    }

    /**
     * Four partitions and batches of 3: a partition often holds no sample of a batch and skips that step, so the
     * partitions' Adam step counts differ; their average is rounded to a whole count, which Adam accepts.
     */
    @Test
    void adamWithPartitionsThatSkipBatches_trainsAndLowersTheLoss() {
        TrainingResult result;
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, SparkTests.regression(60, 4), 4)) {
            result = ParameterAveragingTrainer.builder()
                    .loss(SparkTests.loss("spark-test-mse"))
                    .optimizer("adam(lr=0.01)")
                    .epochs(4)
                    .averagingFrequency(4)
                    .batchSize(3)
                    .seed(1)
                    .build()
                    .fit(SparkTests.regressor(3), samples);
        }
        double[] losses = result.history().series("train.loss");
        assertThat(losses[3]).isLessThan(losses[0]);
    }

    /**
     * The scheme written out independently in this JVM: two partitions (samples [0, 40) and [40, 80), as
     * {@code parallelize} splits them), each with its own network copy and its own Adam; every round each
     * partition starts from the averaged weights and its own optimizer state, steps on its rows of each of the k
     * batches (in order of position), and the weights are averaged with n_p / N; after an epoch's last round the
     * states are averaged with the samples each partition trained on in the epoch, and both partitions start the
     * next epoch from that. Averaging the states every round (the former scheme) gives other weights.
     */
    @Test
    void optimizerStateStaysOnEachPartitionBetweenRounds_asTheSchemeWrittenOutInOneJvm() {
        TabularDataset data = SparkTests.regression(80, 17);
        Loss mse = SparkTests.loss("spark-test-mse");
        int partitions = 2;
        int k = 3;
        int epochs = 2;
        Network reference = SparkTests.regressor(19);
        referenceAveraging(reference, data, mse, partitions, k, epochs, 10, 5);
        Network spark = SparkTests.regressor(19);
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, data, partitions)) {
            ParameterAveragingTrainer.builder()
                    .loss(mse)
                    .optimizer("adam(lr=0.02)")
                    .epochs(epochs)
                    .averagingFrequency(k)
                    .batchSize(10)
                    .seed(5)
                    .build()
                    .fit(spark, samples);
        }
        assertThat(SparkTests.weights(spark)).isEqualTo(SparkTests.weights(reference));
        assertThat(SparkTests.maxDifference(spark, SparkTests.regressor(19))).isGreaterThan(0.01);
    }

    private static void referenceAveraging(
            Network network, TabularDataset data, Loss loss, int partitions, int k, int epochs, int batch, long seed) {
        ShuffledBatches order =
                ShuffledBatches.builder(data).batchSize(batch).seed(seed).build();
        int n = data.size();
        List<Network> copies = new ArrayList<>();
        List<dev.backprop.core.spi.Optimizer> optimizers = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            copies.add(network.copy());
            dev.backprop.core.spi.Optimizer adam = SparkTests.REGISTRIES
                    .optimizers()
                    .create(dev.backprop.core.spi.ComponentSpec.parse("adam(lr=0.02)"));
            adam.initialise(copies.get(p).parameters());
            optimizers.add(adam);
        }
        long step = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            int batches = order.beginEpoch(epoch);
            int[] epochOrder = order.epochOrder();
            long[] epochRows = new long[partitions];
            for (int first = 0; first < batches; first += k) {
                double[] start = SparkTests.weights(network);
                double[][] after = new double[partitions][];
                int[] rows = new int[partitions];
                for (int p = 0; p < partitions; p++) {
                    Network local = copies.get(p);
                    ParameterVector.setValues(local.parameters(), start);
                    int from = p * n / partitions;
                    int to = (p + 1) * n / partitions;
                    for (int b = first; b < Math.min(first + k, batches); b++) {
                        List<Integer> mine = new ArrayList<>();
                        for (int pos = b * batch; pos < Math.min((b + 1) * batch, n); pos++) {
                            if (epochOrder[pos] >= from && epochOrder[pos] < to) {
                                mine.add(epochOrder[pos]);
                            }
                        }
                        if (mine.isEmpty()) {
                            continue;
                        }
                        org.ejml.data.DMatrixRMaj x = new org.ejml.data.DMatrixRMaj(mine.size(), 4);
                        org.ejml.data.DMatrixRMaj t = new org.ejml.data.DMatrixRMaj(mine.size(), 3);
                        for (int i = 0; i < mine.size(); i++) {
                            for (int j = 0; j < 4; j++) {
                                x.set(i, j, data.features().get(mine.get(i), j));
                            }
                            for (int j = 0; j < 3; j++) {
                                t.set(i, j, data.targets().get(mine.get(i), j));
                            }
                        }
                        local.computeTrainingGradients(
                                x, t, loss, dev.backprop.core.random.Rng.derive(step + (b - first), p));
                        optimizers.get(p).step(local.parameters(), 0.02);
                        rows[p] += mine.size();
                    }
                    epochRows[p] += rows[p];
                    after[p] = SparkTests.weights(local);
                }
                step += Math.min(k, batches - first);
                long total = (long) rows[0] + rows[1];
                double[] averaged = new double[start.length];
                for (int i = 0; i < averaged.length; i++) {
                    // w = (n_0/N) w_0 + (n_1/N) w_1, in partition order
                    averaged[i] = (double) rows[0] / total * after[0][i];
                    averaged[i] = averaged[i] + (double) rows[1] / total * after[1][i];
                }
                ParameterVector.setValues(network.parameters(), averaged);
            }
            // the states' average, weighted by the epoch's samples; whole-number step counts stay whole
            long total = epochRows[0] + epochRows[1];
            java.util.Map<String, org.ejml.data.DMatrixRMaj> s0 =
                    optimizers.get(0).state();
            java.util.Map<String, org.ejml.data.DMatrixRMaj> s1 =
                    optimizers.get(1).state();
            java.util.Map<String, org.ejml.data.DMatrixRMaj> mean = new java.util.LinkedHashMap<>();
            for (String key : s0.keySet()) {
                org.ejml.data.DMatrixRMaj a = s0.get(key);
                org.ejml.data.DMatrixRMaj b = s1.get(key);
                org.ejml.data.DMatrixRMaj m = a.createLike();
                for (int i = 0; i < a.getNumElements(); i++) {
                    double v = (double) epochRows[0] / total * a.data[i] + (double) epochRows[1] / total * b.data[i];
                    boolean whole = a.data[i] == Math.rint(a.data[i]) && b.data[i] == Math.rint(b.data[i]);
                    m.data[i] = a.data[i] == b.data[i] ? a.data[i] : whole ? Math.rint(v) : v;
                }
                mean.put(key, m);
            }
            for (dev.backprop.core.spi.Optimizer o : optimizers) {
                o.restore(mean);
            }
        }
    }

    @Test
    void averagingFrequencyBelowOne_isRefused() {
        assertThatThrownBy(() -> ParameterAveragingTrainer.builder().averagingFrequency(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The averaging frequency must be at least 1 batch, got 0");
    }
}
