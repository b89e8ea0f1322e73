package dev.backprop.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.network.Network;
import dev.backprop.core.spi.Parameter;
import dev.backprop.core.testing.TestLosses;
import dev.backprop.core.testing.TestOptimizers;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The epoch loop with steps other than the trainer's: rounds that each take two optimisation steps. */
class EpochLoopTest {

    /**
     * Steps of a round-based trainer: every epoch has the same rounds with the given losses, each round counts two
     * optimisation steps at rate 0.05, and the guard checks the weights. In round {@code poisonRound} it writes
     * +∞ into entry [1,2] of the first layer's weights.
     */
    private static final class ScriptedRounds implements EpochSteps {
        private final double[] losses;
        private final int poisonRound;
        private final List<String> events;
        private double sum;
        private int done;

        ScriptedRounds(double[] losses, int poisonRound, List<String> events) {
            this.losses = losses;
            this.poisonRound = poisonRound;
            this.events = events;
        }

        @Override
        public int beginEpoch(int epoch) {
            sum = 0;
            done = 0;
            return losses.length;
        }

        @Override
        public double compute(int epoch, int index, TrainingContext context) {
            if (index == poisonRound) {
                context.network().layer(0).weights().set(1, 2, Double.POSITIVE_INFINITY);
            }
            return losses[index];
        }

        @Override
        public void complete(int epoch, int index, TrainingContext context) {
            context.advance();
            context.advance();
            sum += losses[index];
            done++;
        }

        @Override
        public void endEpoch(int epoch) {
            events.add("released " + epoch);
        }

        @Override
        public double trainLoss() {
            return done == 0 ? Double.NaN : sum / done;
        }

        @Override
        public double learningRate() {
            return 0.05;
        }

        @Override
        public DMatrixRMaj guarded(Parameter parameter) {
            return parameter.value();
        }

        @Override
        public String guardedName() {
            return "weights";
        }

        @Override
        public String stepName() {
            return "round";
        }
    }

    private static EpochLoop.Builder loop(int epochs) {
        return EpochLoop.builder()
                .loss(TestLosses.crossEntropy(true))
                .optimizer(TestOptimizers.momentum(0.1, 0.9))
                .epochs(epochs);
    }

    @Test
    void roundsOfAnEpoch_reachListenersHistoryAndStepCount() {
        List<String> events = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpochStart(TrainingContext context, int epoch, int steps) {
                events.add("start " + epoch + " of " + steps);
            }

            @Override
            public void onBatchEnd(TrainingContext context, int epoch, int step, double loss) {
                events.add("round " + step + " loss " + loss + " step " + context.step());
            }
        };
        TrainingResult result = loop(2).listeners(List.of(listener))
                .build()
                .fit(TrainerTest.net(1), new ScriptedRounds(new double[] {1, 2, 4}, -1, events));

        // by hand: rounds of two steps each, three rounds an epoch
        assertThat(events)
                .containsExactly(
                        "start 0 of 3",
                        "round 0 loss 1.0 step 2",
                        "round 1 loss 2.0 step 4",
                        "round 2 loss 4.0 step 6",
                        "released 0",
                        "start 1 of 3",
                        "round 0 loss 1.0 step 8",
                        "round 1 loss 2.0 step 10",
                        "round 2 loss 4.0 step 12",
                        "released 1");
        // (1 + 2 + 4) / 3 = 2.3333333333333335 (python3: 7/3)
        assertThat(result.history().series("train.loss")).containsExactly(2.3333333333333335, 2.3333333333333335);
        assertThat(result.history().epochs())
                .extracting(EpochRecord::learningRate)
                .containsExactly(0.05, 0.05);
        assertThat(result.finalState().step()).isEqualTo(12);
        assertThat(result.finalState().epochsDone()).isEqualTo(2);
    }

    @Test
    void nonFiniteGuardedMatrix_stopsTheRun_namingTheStepKindParameterAndEntry_andReleasesTheEpoch() {
        List<String> events = new ArrayList<>();
        Network net = TrainerTest.net(1);

        assertThatThrownBy(() -> loop(2).build().fit(net, new ScriptedRounds(new double[] {1, 2, 4}, 1, events)))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessage("The weights of layer0.W (layer 0) became Infinity at entry [1,2] at epoch 1, round 2"
                        + " (loss 2.0). Lower the learning rate, scale the inputs, or clip gradients.")
                .satisfies(e -> {
                    TrainingDivergedException d = (TrainingDivergedException) e;
                    assertThat(d.epoch()).isZero();
                    assertThat(d.batch()).isEqualTo(1);
                    assertThat(d.history().size()).isZero();
                });
        assertThat(events).containsExactly("released 0");
    }

    @Test
    void withoutTheGuard_aNonFiniteMatrixDoesNotStopTheRun() {
        List<String> events = new ArrayList<>();
        TrainingResult result = loop(1).nonFiniteGuard(false)
                .build()
                .fit(TrainerTest.net(1), new ScriptedRounds(new double[] {1, 2, 4}, 1, events));

        assertThat(result.history().size()).isEqualTo(1);
        assertThat(events).containsExactly("released 0");
    }
}
