package dev.backprop.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.network.Network;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.testing.TestActivations;
import dev.backprop.core.testing.TestData;
import dev.backprop.core.testing.TestLosses;
import dev.backprop.core.testing.TestOptimizers;
import dev.backprop.core.testing.TestRegistries;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The epoch's {@code train.loss}, worked out by hand: a network y = x that a zero learning rate keeps fixed,
 * x = 1 … 5 with targets 0, in batches of 2, 2 and 1, so every batch's loss is known without running anything.
 */
class EpochLossTest {

    private static Network identity() {
        Network net = Network.builder(TestRegistries.none())
                .input(1)
                .dense(1, TestActivations.identity(), false)
                .build();
        net.layer(0).setWeights(new double[][] {{1}});
        return net;
    }

    private static TestData data() {
        return new TestData(new DMatrixRMaj(new double[][] {{1}, {2}, {3}, {4}, {5}}), new DMatrixRMaj(5, 1), 2, 7);
    }

    private static TrainingResult fit(Loss loss, TrainingListener listener) {
        return Trainer.builder()
                .registries(TestRegistries.none())
                .loss(loss)
                .optimizer(TestOptimizers.momentum(0, 0))
                .epochs(2)
                .listener(listener)
                .build()
                .fit(identity(), data());
    }

    @Test
    void meanReducedLoss_trainLossIsTheSizeWeightedMeanOfTheBatches_withAnUnevenLastBatch() {
        // mse per sample is x²: 1, 4, 9, 16, 25. Whatever the shuffled order, the batches of 2, 2 and 1 have
        // means m₁, m₂, m₃ and (2 m₁ + 2 m₂ + 1 m₃) / 5 = (1 + 4 + 9 + 16 + 25) / 5 = 11. The plain mean of the
        // three batch means would depend on the order (e.g. (2.5 + 12.5 + 25) / 3 ≈ 13.3 in order).
        List<Double> batchLosses = new ArrayList<>();
        TrainingResult result = fit(TestLosses.meanSquaredError(), new TrainingListener() {
            @Override
            public void onBatchEnd(TrainingContext context, int epoch, int batch, double loss) {
                batchLosses.add(loss);
            }
        });

        assertThat(result.history().epochs()).hasSize(2);
        assertThat(result.history().epochs().get(0).trainLoss()).isCloseTo(11.0, within(1e-12));
        assertThat(result.history().epochs().get(1).trainLoss()).isCloseTo(11.0, within(1e-12));
        // three batches an epoch
        assertThat(batchLosses).hasSize(6);
    }

    @Test
    void sumReducedLoss_trainLossIsTheSumOfTheBatches() {
        // ½ Σ x² = ½ (1 + 4 + 9 + 16 + 25) = 27.5
        TrainingResult result = fit(TestLosses.halfSumOfSquares(), new TrainingListener() {});

        assertThat(result.history().epochs().get(0).trainLoss()).isCloseTo(27.5, within(1e-12));
    }

    @Test
    void listeners_hearEveryEpochStartWithItsBatchCount() {
        List<String> events = new ArrayList<>();
        fit(TestLosses.meanSquaredError(), new TrainingListener() {
            @Override
            public void onEpochStart(TrainingContext context, int epoch, int batches) {
                events.add("start " + epoch + " of " + batches + " batches");
            }

            @Override
            public void onEpochEnd(TrainingContext context, EpochRecord record) {
                events.add("end " + record.epoch());
            }
        });

        // 5 samples in batches of 2: ⌈5 / 2⌉ = 3 batches
        assertThat(events).containsExactly("start 0 of 3 batches", "end 0", "start 1 of 3 batches", "end 1");
    }
}
