package dev.backprop.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.network.Network;
import dev.backprop.core.train.Trainer;
import dev.backprop.data.TabularDataset;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A task that fails once is retried by Spark and training ends exactly as if it had not failed. The failure is
 * injected by the test loss {@code spark-test-flaky-mse}, which throws on the first attempt of one partition's
 * task in one step's job and otherwise computes the mean squared error; the reference run uses
 * {@code spark-test-mse}.
 */
@ExtendWith(LocalSpark.class)
class FailureRecoveryTest {

    private static JavaSparkContext sc;

    @BeforeAll
    static void start(JavaSparkContext context) {
        sc = context;
    }

    @Test
    void synchronousStepWhoseTaskFailsOnce_isRetried_andTheWeightsAreUnchanged() throws InterruptedException {
        TabularDataset data = SparkTests.regression(80, 6);
        Network clean = SparkTests.regressor(5);
        Network recovered = SparkTests.regressor(5);
        FailedTasks failures = new FailedTasks();
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, data, 2);
                SparkGradientSource source = SparkGradientSource.builder(samples)
                        .batchSize(16)
                        .seed(2)
                        .build()) {
            Trainer.builder()
                    .loss(SparkTests.loss("spark-test-mse"))
                    .optimizer("adam(lr=0.01)")
                    .epochs(2)
                    .build()
                    .fit(clean, source);
            sc.sc().addSparkListener(failures);
            try {
                Trainer.builder()
                        .loss(SparkTests.loss("spark-test-flaky-mse(partition=1,step=3)"))
                        .optimizer("adam(lr=0.01)")
                        .epochs(2)
                        .build()
                        .fit(recovered, source);
            } finally {
                failures.awaitAtLeast(1);
                sc.sc().removeSparkListener(failures);
            }
        }
        assertThat(failures.count()).isEqualTo(1);
        assertThat(SparkTests.weights(recovered)).isEqualTo(SparkTests.weights(clean));
    }

    @Test
    void averagingRoundWhoseTaskFailsOnce_isRetried_andTheWeightsAreUnchanged() throws InterruptedException {
        TabularDataset data = SparkTests.regression(80, 7);
        Network clean = SparkTests.regressor(9);
        Network recovered = SparkTests.regressor(9);
        FailedTasks failures = new FailedTasks();
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, data, 2)) {
            ParameterAveragingTrainer.builder()
                    .loss(SparkTests.loss("spark-test-mse"))
                    .optimizer("adam(lr=0.01)")
                    .epochs(2)
                    .averagingFrequency(2)
                    .batchSize(16)
                    .seed(2)
                    .build()
                    .fit(clean, samples);
            sc.sc().addSparkListener(failures);
            try {
                // by hand: 80 / 16 = 5 batches per epoch in rounds of 2 start at steps 0, 2, 4 | 5, 7, 9
                ParameterAveragingTrainer.builder()
                        .loss(SparkTests.loss("spark-test-flaky-mse(partition=0,step=7)"))
                        .optimizer("adam(lr=0.01)")
                        .epochs(2)
                        .averagingFrequency(2)
                        .batchSize(16)
                        .seed(2)
                        .build()
                        .fit(recovered, samples);
            } finally {
                failures.awaitAtLeast(1);
                sc.sc().removeSparkListener(failures);
            }
        }
        assertThat(failures.count()).isEqualTo(1);
        assertThat(SparkTests.weights(recovered)).isEqualTo(SparkTests.weights(clean));
    }

    /** Counts task attempts that ended with the injected exception; Spark delivers events asynchronously. */
    private static final class FailedTasks extends SparkListener {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            if (taskEnd.reason() instanceof ExceptionFailure failure
                    && failure.description().contains("injected failure")) {
                count.incrementAndGet();
            }
        }

        int count() {
            return count.get();
        }

        void awaitAtLeast(int n) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (count.get() < n && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
    }
}
