package dev.backprop.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.io.ModelDocument;
import dev.backprop.core.io.ModelFile;
import dev.backprop.core.network.Network;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.train.Checkpoint;
import dev.backprop.core.train.Checkpoints;
import dev.backprop.core.train.EpochRecord;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingContext;
import dev.backprop.core.train.TrainingListener;
import dev.backprop.core.train.TrainingResult;
import dev.backprop.data.TabularDataset;
import dev.backprop.data.batching.ShuffledBatches;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(LocalSpark.class)
class SynchronousTrainingTest {

    private static JavaSparkContext sc;

    @BeforeAll
    static void start(JavaSparkContext context) {
        sc = context;
    }

    /** y = x W + b with W = (0.5, −0.25), b = 0.1, on four samples of two features. */
    private static Network linear() {
        Network net = Network.builder(SparkTests.REGISTRIES)
                .input(2)
                .dense(1, "spark-test-identity")
                .build();
        net.layer(0).setWeights(new double[][] {{0.5}, {-0.25}});
        net.layer(0).setBias(0.1);
        return net;
    }

    private static TabularDataset fourSamples() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2}, {0.5, -1}, {-1.5, 0.25}, {2, 1}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{1}, {0}, {-1}, {2}});
        return new TabularDataset(x, t);
    }

    @Test
    void gradientOfOneBatchOverTwoPartitions_equalsTheFormula_meanReduced() {
        Network net = linear();
        try (ShardedSamples data = ShardedSamples.parallelize(sc, fourSamples(), 2);
                SparkGradientSource source = SparkGradientSource.builder(data)
                        .batchSize(4)
                        .shuffle(false)
                        .build()) {
            assertThat(source.beginEpoch(0)).isEqualTo(1);
            double value = source.computeGradients(net, SparkTests.loss("spark-test-mse"), 0, 0);
            // numpy: r = X@W + b − t; (r**2).mean() = 0.6437890624999999;
            //        2/n X.T@r = [-1.665625, -1.7390625]; 2/n r.sum() = -0.58125
            assertThat(value).isCloseTo(0.6437890624999999, within(1e-15));
            assertThat(net.layer(0).weightGradient().data)
                    .containsExactly(new double[] {-1.665625, -1.7390625}, within(1e-15));
            assertThat(net.layer(0).biasGradient().data[0]).isCloseTo(-0.58125, within(1e-15));
            assertThat(source.lastBatchSize()).isEqualTo(4);
        }
    }

    @Test
    void gradientOfOneBatchOverTwoPartitions_equalsTheFormula_sumReduced() {
        Network net = linear();
        try (ShardedSamples data = ShardedSamples.parallelize(sc, fourSamples(), 2);
                SparkGradientSource source = SparkGradientSource.builder(data)
                        .batchSize(4)
                        .shuffle(false)
                        .reduction(Reduction.SUM)
                        .build()) {
            source.beginEpoch(0);
            double value = source.computeGradients(net, SparkTests.loss("spark-test-half-sse"), 0, 0);
            // numpy: 0.5*(r**2).sum() = 1.2875781249999998; X.T@r = [-3.33125, -3.478125]; r.sum() = -1.1625
            assertThat(value).isCloseTo(1.2875781249999998, within(1e-15));
            assertThat(net.layer(0).weightGradient().data)
                    .containsExactly(new double[] {-3.33125, -3.478125}, within(1e-15));
            assertThat(net.layer(0).biasGradient().data[0]).isCloseTo(-1.1625, within(1e-15));
        }
    }

    /**
     * The reference is the ordinary trainer in this JVM on the same 150 samples, network seed, batch size 16 (the
     * last batch of each epoch has 6 samples) and shuffle seed. One partition computes exactly what the single
     * JVM computes; with more, each weight differs by rounding only.
     */
    @ParameterizedTest
    @CsvSource({
        "1, sgd(lr=0.2)",
        "2, sgd(lr=0.2)",
        "4, sgd(lr=0.2)",
        "1, adam(lr=0.01)",
        "2, adam(lr=0.01)",
        "4, adam(lr=0.01)"
    })
    void synchronousTraining_equalsSingleJvmTraining(int partitions, String optimizer) {
        TabularDataset data = SparkTests.classes(150, 5);
        Loss ce = SparkTests.loss("spark-test-softmax-cross-entropy");
        Network reference = SparkTests.classifier(21);
        TrainingResult expected = Trainer.builder()
                .loss(ce)
                .optimizer(optimizer)
                .epochs(4)
                .build()
                .fit(
                        reference,
                        ShuffledBatches.builder(data).batchSize(16).seed(3).build());

        Network spark = SparkTests.classifier(21);
        TrainingResult actual;
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, data, partitions);
                SparkGradientSource source = SparkGradientSource.builder(samples)
                        .batchSize(16)
                        .seed(3)
                        .build()) {
            actual = Trainer.builder()
                    .loss(ce)
                    .optimizer(optimizer)
                    .epochs(4)
                    .build()
                    .fit(spark, source);
        }

        if (partitions == 1) {
            assertThat(SparkTests.weights(spark)).isEqualTo(SparkTests.weights(reference));
            assertThat(actual.history().series("train.loss"))
                    .isEqualTo(expected.history().series("train.loss"));
        } else {
            assertThat(SparkTests.maxDifference(spark, reference)).isLessThanOrEqualTo(1e-12);
            assertThat(actual.history().series("train.loss"))
                    .containsExactly(expected.history().series("train.loss"), within(1e-12));
        }
        // training moved the weights: the comparison is not of two untouched networks
        assertThat(SparkTests.maxDifference(spark, SparkTests.classifier(21))).isGreaterThan(0.05);
    }

    /** An RDD of samples and the broadcast data set cut into the same shards train to the same weights. */
    @Test
    void rddOfSamples_trainsLikeTheParallelizedDataSet() {
        TabularDataset data = SparkTests.classes(90, 12);
        double[][] runs = new double[2][];
        for (int run = 0; run < 2; run++) {
            Network net = SparkTests.classifier(3);
            try (ShardedSamples samples = run == 0
                            ? ShardedSamples.parallelize(sc, data, 3)
                            : ShardedSamples.of(sc.parallelize(Samples.of(data), 3));
                    SparkGradientSource source = SparkGradientSource.builder(samples)
                            .batchSize(20)
                            .seed(8)
                            .build()) {
                Trainer.builder()
                        .loss(SparkTests.loss("spark-test-softmax-cross-entropy"))
                        .optimizer("sgd(lr=0.3)")
                        .epochs(2)
                        .build()
                        .fit(net, source);
            }
            runs[run] = SparkTests.weights(net);
        }
        assertThat(runs[1]).isEqualTo(runs[0]);
        assertThat(runs[0]).isNotEqualTo(SparkTests.weights(SparkTests.classifier(3)));
    }

    @Test
    void twoRuns_areBitIdentical() {
        TabularDataset data = SparkTests.classes(150, 5);
        double[][] runs = new double[2][];
        for (int run = 0; run < 2; run++) {
            Network net = SparkTests.classifier(8);
            try (ShardedSamples samples = ShardedSamples.parallelize(sc, data, 4);
                    SparkGradientSource source = SparkGradientSource.builder(samples)
                            .batchSize(10)
                            .seed(1)
                            .build()) {
                Trainer.builder()
                        .loss(SparkTests.loss("spark-test-softmax-cross-entropy"))
                        .optimizer("sgd(lr=0.3)")
                        .epochs(2)
                        .build()
                        .fit(net, source);
            }
            runs[run] = SparkTests.weights(net);
        }
        assertThat(runs[1]).isEqualTo(runs[0]);
    }

    @Test
    void listenersHistoryAndEvaluation_workAsInOneJvm() {
        TabularDataset data = SparkTests.classes(100, 2);
        List<String> events = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpochStart(TrainingContext context, int epoch, int batches) {
                events.add("start " + epoch + " " + batches);
            }

            @Override
            public void onBatchEnd(TrainingContext context, int epoch, int batch, double loss) {
                events.add("batch");
            }

            @Override
            public void onEpochEnd(TrainingContext context, EpochRecord record) {
                events.add("end " + record.epoch() + " step " + context.step());
            }
        };
        TrainingResult result;
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, data, 3);
                SparkGradientSource source =
                        SparkGradientSource.builder(samples).batchSize(25).build()) {
            result = Trainer.builder()
                    .loss(SparkTests.loss("spark-test-softmax-cross-entropy"))
                    .optimizer("sgd(lr=0.1)")
                    .epochs(2)
                    .validation(data)
                    .listener(listener)
                    .build()
                    .fit(SparkTests.classifier(4), source);
        }
        // by hand: 100 samples in batches of 25 are 4 steps per epoch
        assertThat(events)
                .containsExactly(
                        "start 0 4",
                        "batch",
                        "batch",
                        "batch",
                        "batch",
                        "end 0 step 4",
                        "start 1 4",
                        "batch",
                        "batch",
                        "batch",
                        "batch",
                        "end 1 step 8");
        assertThat(result.history().size()).isEqualTo(2);
        assertThat(result.history().last().metrics()).containsKey("validation.loss");
    }

    @Test
    void checkpointOfSparkRun_resumesToTheUninterruptedWeights_andSavesAsModelFile(@TempDir Path dir) throws Exception {
        TabularDataset data = SparkTests.classes(120, 9);
        Loss ce = SparkTests.loss("spark-test-softmax-cross-entropy");
        Path checkpoint = dir.resolve("run.bp");
        Network uninterrupted = SparkTests.classifier(6);
        Network resumed;
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, data, 2);
                SparkGradientSource source = SparkGradientSource.builder(samples)
                        .batchSize(20)
                        .seed(4)
                        .build()) {
            Trainer.builder()
                    .loss(ce)
                    .optimizer("adam(lr=0.01)")
                    .epochs(3)
                    .build()
                    .fit(uninterrupted, source);

            Network first = SparkTests.classifier(6);
            Trainer.builder()
                    .loss(ce)
                    .optimizer("adam(lr=0.01)")
                    .epochs(2)
                    .checkpoints(Checkpoints.every(1, checkpoint))
                    .build()
                    .fit(first, source);
            Checkpoint saved = Checkpoints.load(checkpoint, SparkTests.REGISTRIES);
            Trainer again = Trainer.builder()
                    .loss(ce)
                    .optimizer("adam(lr=0.01)")
                    .epochs(3)
                    .build();
            Checkpoints.requireSameRun(saved, again);
            resumed = saved.network();
            again.resume(resumed, source, saved.state());
        }
        assertThat(SparkTests.weights(resumed)).isEqualTo(SparkTests.weights(uninterrupted));

        Path model = dir.resolve("model.bp");
        ModelFile.save(model, ModelDocument.of(uninterrupted).withLoss(ce.spec()));
        Network loaded = ModelFile.load(model, SparkTests.REGISTRIES).network();
        assertThat(SparkTests.weights(loaded)).isEqualTo(SparkTests.weights(uninterrupted));
    }

    @Test
    void lossNotRegisteredByName_isRefusedBeforeAnyJob() {
        Loss unregistered = new Loss() {
            @Override
            public String name() {
                return "my-private-loss";
            }

            @Override
            public Config config() {
                return Config.empty();
            }

            @Override
            public void validate(DMatrixRMaj output, DMatrixRMaj target) {}

            @Override
            public double value(DMatrixRMaj output, DMatrixRMaj target) {
                return 0;
            }

            @Override
            public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
                grad.zero();
            }
        };
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, SparkTests.classes(20, 1), 2);
                SparkGradientSource source =
                        SparkGradientSource.builder(samples).batchSize(5).build()) {
            source.beginEpoch(0);
            assertThatThrownBy(() -> source.computeGradients(SparkTests.classifier(1), unregistered, 0, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("The loss 'my-private-loss' must be registered by name")
                    .hasMessageContaining("my-private-loss");
        }
    }

    @Test
    void networkWithOtherInputSize_isRefused() {
        Network threeInputs = Network.builder(SparkTests.REGISTRIES)
                .input(3)
                .dense(3, "spark-test-softmax")
                .build();
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, SparkTests.classes(20, 1), 2);
                SparkGradientSource source =
                        SparkGradientSource.builder(samples).batchSize(5).build()) {
            source.beginEpoch(0);
            assertThatThrownBy(() -> source.computeGradients(
                            threeInputs, SparkTests.loss("spark-test-softmax-cross-entropy"), 0, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The network takes 3 inputs but the samples have 4 features");
        }
    }
}
