package dev.backprop.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.network.Network;
import dev.backprop.core.testing.TestActivations;
import dev.backprop.core.testing.TestData;
import dev.backprop.core.testing.TestLosses;
import dev.backprop.core.testing.TestOptimizers;
import dev.backprop.core.testing.TestRegistries;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The trainer asks its checkpoint writer after every epoch, with the epochs done, and writes what it says. */
class CheckpointCadenceTest {

    @Test
    void writerIsAskedAfterEachEpoch_andWritesTheStateOfThatEpoch() {
        List<String> asked = new ArrayList<>();
        List<String> written = new ArrayList<>();
        CheckpointWriter everySecond = new CheckpointWriter() {
            @Override
            public boolean due(int epochsDone, int totalEpochs) {
                asked.add(epochsDone + "/" + totalEpochs);
                return epochsDone % 2 == 0;
            }

            @Override
            public void write(Network network, Trainer trainer, TrainingState state) {
                written.add("epochs " + state.epochsDone() + ", step " + state.step() + ", history "
                        + state.history().size());
            }
        };
        Network net = Network.builder(TestRegistries.none())
                .input(1)
                .dense(1, TestActivations.identity(), true)
                .build();
        // 5 samples in batches of 2: 3 steps an epoch
        TestData data =
                new TestData(new DMatrixRMaj(new double[][] {{1}, {2}, {3}, {4}, {5}}), new DMatrixRMaj(5, 1), 2, 3);

        Trainer.builder()
                .registries(TestRegistries.none())
                .loss(TestLosses.meanSquaredError())
                .optimizer(TestOptimizers.momentum(0.01, 0))
                .epochs(5)
                .checkpoints(everySecond)
                .build()
                .fit(net, data);

        assertThat(asked).containsExactly("1/5", "2/5", "3/5", "4/5", "5/5");
        // by hand: after epochs 2 and 4, that is after 6 and 12 steps
        assertThat(written).containsExactly("epochs 2, step 6, history 2", "epochs 4, step 12, history 4");
    }
}
