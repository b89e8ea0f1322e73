package dev.backprop.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.network.Network;
import dev.backprop.core.train.DivergenceRule;
import dev.backprop.core.train.EpochRecord;
import dev.backprop.core.train.History;
import dev.backprop.core.train.TrainingContext;
import dev.backprop.core.train.TrainingDivergedException;
import dev.backprop.core.train.TrainingListener;
import dev.backprop.core.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The parameter-averaging trainer runs on the core epoch loop: the non-finite guard, listeners that end a run and
 * divergence rules behave as with the single-JVM trainer.
 */
@ExtendWith(LocalSpark.class)
class AveragingLoopTest {

    private static JavaSparkContext sc;

    @BeforeAll
    static void start(JavaSparkContext context) {
        sc = context;
    }

    private static ParameterAveragingTrainer.Builder trainer(int epochs) {
        return ParameterAveragingTrainer.builder()
                .loss(SparkTests.loss("spark-test-softmax-cross-entropy"))
                .optimizer("sgd(lr=0.1)")
                .epochs(epochs)
                .averagingFrequency(2)
                .batchSize(10);
    }

    /**
     * A NaN weight makes every output, and so the first round's loss, NaN (NaN propagates through every
     * arithmetic operation, IEEE 754): the guard stops the run in epoch 1, round 1, before any epoch is recorded.
     */
    @Test
    void nanWeight_stopsTheRunWithTrainingDiverged_namingEpochAndRound() {
        Network net = SparkTests.classifier(2);
        net.layer(0).weights().set(0, 0, Double.NaN);
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, SparkTests.classes(40, 3), 2)) {
            assertThatThrownBy(() -> trainer(2).build().fit(net, samples))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessageStartingWith("The loss became NaN at epoch 1, averaging round 1.")
                    .satisfies(e -> {
                        TrainingDivergedException d = (TrainingDivergedException) e;
                        assertThat(d.epoch()).isZero();
                        assertThat(d.batch()).isZero();
                        assertThat(d.history().size()).isZero();
                    });
        }
    }

    /**
     * A listener that asks to stop at the end of the first epoch ends a three-epoch run after that epoch, and hears
     * the end of training with the one recorded epoch (the {@link TrainingListener} contract).
     */
    @Test
    void listenerRequestingStop_endsTheRunAfterThatEpoch_andHearsTheEnd() {
        List<String> events = new ArrayList<>();
        TrainingListener stopper = new TrainingListener() {
            @Override
            public void onTrainingStart(TrainingContext context) {
                events.add("start");
            }

            @Override
            public void onEpochEnd(TrainingContext context, EpochRecord record) {
                events.add("epoch " + record.epoch());
                context.requestStop("enough");
            }

            @Override
            public void onTrainingEnd(TrainingContext context, History history) {
                events.add("end after " + history.size());
            }
        };
        TrainingResult result;
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, SparkTests.classes(40, 3), 2)) {
            result = trainer(3).listener(stopper).build().fit(SparkTests.classifier(2), samples);
        }
        assertThat(events).containsExactly("start", "epoch 0", "end after 1");
        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.stopReason()).isEqualTo("enough");
        assertThat(result.finalState().epochsDone()).isEqualTo(1);
        // by hand: 40 samples in batches of 10 are 4 global batches, so 4 steps in the epoch
        assertThat(result.finalState().step()).isEqualTo(4);
    }

    /**
     * An output bias of 30 on class 0 gives the other classes' samples a loss of about 30 (−ln p with
     * p ≈ e^(z_k − 30)), far above 2 × ln 3 = 2.19722 (python3: 2*math.log(3)), the limit of a uniform-guess rule
     * with factor 2 on a 3-class network: the rule stops the run at the end of epoch 1.
     */
    @Test
    void divergenceRule_stopsTheRunAtTheEpochItFires() {
        Network net = SparkTests.classifier(2);
        net.layer(1).bias().set(0, 0, 30);
        try (ShardedSamples samples = ShardedSamples.parallelize(sc, SparkTests.classes(40, 3), 2)) {
            assertThatThrownBy(() -> trainer(3)
                            .listener(DivergenceRule.none().worseThanUniformGuess(2))
                            .build()
                            .fit(net, samples))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessageStartingWith("Training diverged at epoch 1: train.loss = ")
                    .hasMessageContaining("is more than 2 × ln 3 = 2.19722")
                    .satisfies(e -> {
                        TrainingDivergedException d = (TrainingDivergedException) e;
                        assertThat(d.epoch()).isZero();
                        assertThat(d.batch()).isEqualTo(-1);
                        assertThat(d.history().size()).isEqualTo(1);
                        assertThat(d.history().epochs().get(0).trainLoss()).isGreaterThan(2 * Math.log(3));
                    });
        }
    }
}
