package dev.backprop.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.backprop.core.network.Network;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.Parameter;
import dev.backprop.core.spi.Schedule;
import dev.backprop.core.testing.ConstantTestSchedule;
import dev.backprop.core.testing.ForwardingOptimizer;
import dev.backprop.core.testing.LogCapture;
import dev.backprop.core.testing.TestLosses;
import dev.backprop.core.testing.TestOptimizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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

    /** Momentum SGD that records the loop's calls of reset, initialise and restore. */
    private static Optimizer recordingOptimizer(List<String> calls) {
        return new ForwardingOptimizer(TestOptimizers.momentum(0.1, 0.9)) {
            @Override
            public void initialise(List<Parameter> parameters) {
                calls.add("optimizer initialise");
                super.initialise(parameters);
            }

            @Override
            public void reset() {
                calls.add("optimizer reset");
                super.reset();
            }

            @Override
            public void restore(Map<String, DMatrixRMaj> state) {
                calls.add("optimizer restore " + new TreeSet<>(state.keySet()));
                super.restore(state);
            }
        };
    }

    /** A constant schedule that records the loop's calls of reset and restore. */
    private static Schedule recordingSchedule(List<String> calls) {
        return new ConstantTestSchedule() {
            @Override
            public void reset() {
                calls.add("schedule reset");
            }

            @Override
            public void restore(Map<String, Double> state) {
                calls.add("schedule restore " + state);
            }
        };
    }

    @Test
    void fit_resetsAndInitialisesTheOptimizer_andResume_restoresTheOptimizerAndTheSchedule() {
        List<String> calls = new ArrayList<>();
        EpochLoop loop = loop(2).optimizer(recordingOptimizer(calls))
                .schedule(recordingSchedule(calls))
                .build();
        Network net = TrainerTest.net(1);

        TrainingResult first = loop.fit(net, new ScriptedRounds(new double[] {1}, -1, new ArrayList<>()));
        assertThat(calls).containsExactly("schedule reset", "optimizer reset", "optimizer initialise");

        calls.clear();
        TrainingState state = new TrainingState(
                1,
                2,
                new History(),
                first.finalState().optimizerState(),
                Map.of("k", 3.0),
                Double.NaN,
                -1,
                0,
                Map.of());
        loop.resume(net, new ScriptedRounds(new double[] {1}, -1, new ArrayList<>()), state);
        // one velocity per parameter of the two layers
        assertThat(calls)
                .containsExactly(
                        "optimizer reset",
                        "optimizer initialise",
                        "optimizer restore [layer0.W/v, layer0.b/v, layer1.W/v, layer1.b/v]",
                        "schedule reset",
                        "schedule restore {k=3.0}");
    }

    @Test
    void earlyStoppingOnASetThatIsNotEvaluated_isRefused_whileOnTheTrainingLossItNeedsNone() {
        assertThatThrownBy(() ->
                        loop(1).earlyStopping(EarlyStopping.onValidationLoss(2)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Early stopping monitors 'validation.loss' but no evaluation set 'validation' was given;"
                        + " sets: []");

        EpochLoop onTrainLoss = loop(1).earlyStopping(new EarlyStopping("train.loss", 2, 0, false, false))
                .build();
        TrainingResult result =
                onTrainLoss.fit(TrainerTest.net(1), new ScriptedRounds(new double[] {1}, -1, new ArrayList<>()));
        assertThat(result.bestEpoch()).isZero();
    }

    @Test
    void eachEpoch_isLoggedWithItsLossMetricsRateAndMode_andAResumedRunSaysWhereItResumes() {
        List<String> events = new ArrayList<>();
        EpochLoop loop = loop(2).evaluationSets(Map.of("validation", TrainerTest.blobs(30, 3, 10)))
                .mode("in rounds")
                .build();
        EpochLoop plain = loop(2).build();
        Map<String, DMatrixRMaj> velocities;

        try (LogCapture log = new LogCapture(EpochLoop.class)) {
            velocities = loop.fit(TrainerTest.net(1), new ScriptedRounds(new double[] {1, 2, 4}, -1, events))
                    .finalState()
                    .optimizerState();
            // the mean loss (1 + 2 + 4) / 3 = 2.333333 to six places; Java's %.6g keeps six significant digits
            assertThat(log.messages(Level.INFO))
                    .hasSize(2)
                    .first()
                    .asString()
                    .matches("epoch 1: train\\.loss=2\\.333333 validation\\.loss=\\d+\\.\\d{6} lr=0\\.0500000"
                            + " \\(\\d+\\.\\d{2} s, in rounds\\)");
        }
        TrainingState afterOne =
                new TrainingState(1, 6, new History(), velocities, Map.of(), Double.NaN, -1, 0, Map.of());
        try (LogCapture log = new LogCapture(EpochLoop.class)) {
            loop.resume(TrainerTest.net(1), new ScriptedRounds(new double[] {1, 2, 4}, -1, events), afterOne);
            plain.resume(TrainerTest.net(1), new ScriptedRounds(new double[] {1, 2, 4}, -1, events), afterOne);

            // one epoch done: the run resumes at the second of two, at step 6
            assertThat(log.messages(Level.INFO))
                    .filteredOn(m -> m.startsWith("Resuming"))
                    .containsExactly(
                            "Resuming in rounds at epoch 2 of 2 (step 6)", "Resuming at epoch 2 of 2 (step 6)");
            assertThat(log.messages(Level.INFO))
                    .filteredOn(m -> m.startsWith("epoch 2: train.loss=2.333333 lr=0.0500000 ("))
                    .singleElement()
                    .asString()
                    .endsWith(" s)");
        }
    }

    @Test
    void listenerRequestingAStop_endsTheRunAfterThatEpoch_withItsReason() {
        List<Integer> asked = new ArrayList<>();
        TrainingListener stopper = new TrainingListener() {
            @Override
            public void onEpochEnd(TrainingContext context, EpochRecord record) {
                asked.add(context.epochs());
                context.requestStop();
            }
        };

        TrainingResult result = loop(5).listeners(List.of(stopper))
                .build()
                .fit(TrainerTest.net(1), new ScriptedRounds(new double[] {1}, -1, new ArrayList<>()));

        // five epochs asked for, one run
        assertThat(asked).containsExactly(5);
        assertThat(result.history().size()).isEqualTo(1);
        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.stopReason()).isEqualTo("stopped by a listener");
    }
}
