package dev.backprop.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.registry.Registry;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.core.spi.OptimizerProvider;
import dev.backprop.core.spi.Schedule;
import dev.backprop.core.spi.ScheduleProvider;
import dev.backprop.core.testing.TestActivations;
import dev.backprop.core.testing.TestLosses;
import dev.backprop.core.testing.TestOptimizers;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run resumed from a checkpoint file written mid-warm-up, with a reduce-on-plateau schedule that has already
 * cut the rate and an early stop that restores the best weights, ends exactly as the uninterrupted run. The test
 * first checks that the checkpoint really holds each piece of state (a cut scale, a step inside the warm-up, a
 * best epoch before the checkpoint that is not the last), so that losing any of them on the way through the file
 * would change the result.
 */
class ResumeWithStateTest {

    private static final int WARMUP_STEPS = 20;

    @TempDir
    Path dir;

    /**
     * rate = base · scale · min(1, (step + 1) / W), W = 20: a linear warm-up, then reduce-on-plateau with
     * patience 0: an epoch whose validation loss is not below 0.9 × the best so far halves the scale.
     */
    static final class PlateauWithWarmup implements Schedule {
        private double scale = 1;
        private double best = Double.POSITIVE_INFINITY;

        @Override
        public String name() {
            return "test-plateau";
        }

        @Override
        public Config config() {
            return Config.of("warmup-steps", WARMUP_STEPS);
        }

        @Override
        public double rate(double baseRate, long step, int epoch) {
            return baseRate * scale * Math.min(1, (step + 1.0) / WARMUP_STEPS);
        }

        @Override
        public void observe(int epoch, double validationLoss) {
            if (validationLoss < 0.9 * best) {
                best = validationLoss;
            } else {
                scale *= 0.5;
                best = Math.min(best, validationLoss);
            }
        }

        @Override
        public void reset() {
            scale = 1;
            best = Double.POSITIVE_INFINITY;
        }

        @Override
        public Map<String, Double> state() {
            return Map.of("scale", scale, "best", best);
        }

        @Override
        public void restore(Map<String, Double> state) {
            scale = state.getOrDefault("scale", 1.0);
            best = state.getOrDefault("best", Double.POSITIVE_INFINITY);
        }
    }

    private static Registries registries() {
        return new Registries(
                Registry.of(
                        "activation",
                        ActivationProvider.class,
                        List.of(
                                provider("tanh", TestActivations::tanh),
                                provider("softmax", TestActivations::softmax))),
                Registry.of("loss", LossProvider.class, List.of(new LossProvider() {
                    @Override
                    public String name() {
                        return "categorical-cross-entropy";
                    }

                    @Override
                    public Loss create(Config config) {
                        return TestLosses.crossEntropy(true);
                    }
                })),
                Registry.of("optimizer", OptimizerProvider.class, List.of()),
                Registry.of("schedule", ScheduleProvider.class, List.of()));
    }

    private static ActivationProvider provider(String name, Supplier<Activation> activation) {
        return new ActivationProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Activation create(Config config) {
                return activation.get();
            }
        };
    }

    private static Network net() {
        return Network.builder(registries())
                .input(2)
                .dense(6, "tanh")
                .dense(3, "softmax")
                .seed(11)
                .build();
    }

    private static Trainer.Builder trainer(int epochs) {
        return Trainer.builder()
                .registries(registries())
                .loss(TestLosses.crossEntropy(true))
                .optimizer(TestOptimizers.momentum(2.0, 0.9))
                .schedule(new PlateauWithWarmup())
                .epochs(epochs)
                .validation(TrainerTest.blobs(30, 3, 30))
                .earlyStopping(EarlyStopping.onValidationLoss(50).withRestoreBest(true));
    }

    @Test
    void resumeMidWarmup_withAPlateauCutAndRestoreBest_equalsTheUninterruptedRun() throws Exception {
        Network whole = net();
        TrainingResult uninterrupted = trainer(8).build().fit(whole, TrainerTest.blobs(90, 4, 16));

        Path file = dir.resolve("run.bp");
        trainer(3).checkpoints(Checkpoints.every(1, file)).build().fit(net(), TrainerTest.blobs(90, 4, 16));
        Checkpoint checkpoint = Checkpoints.load(file, registries());
        Network resumedNet = checkpoint.network();
        TrainingResult resumed =
                trainer(8).build().resume(resumedNet, TrainerTest.blobs(90, 4, 16), checkpoint.state());

        // the checkpoint holds every piece of state: 3 epochs of ⌈90/16⌉ = 6 steps is 18 < 20 warm-up steps ...
        TrainingState state = checkpoint.state();
        assertThat(state.step()).isEqualTo(18).isLessThan(WARMUP_STEPS);
        // ... a scale the plateau rule has already cut, and a best epoch before the checkpoint ...
        assertThat(state.scheduleState().get("scale"))
                .as("%s", diagnostics(uninterrupted))
                .isLessThan(1.0);
        assertThat(state.bestEpoch()).isBetween(0, 2);
        assertThat(state.bestParameters()).isNotEmpty();
        // ... and the uninterrupted run restores weights of an epoch that is not its last
        assertThat(uninterrupted.bestEpoch())
                .as("%s", diagnostics(uninterrupted))
                .isLessThan(7);

        assertThat(rates(resumed)).containsExactly(rates(uninterrupted));
        assertThat(resumed.history().series("validation.loss"))
                .containsExactly(uninterrupted.history().series("validation.loss"));
        assertThat(resumed.history().series("train.loss"))
                .containsExactly(uninterrupted.history().series("train.loss"));
        assertThat(resumed.bestEpoch()).isEqualTo(uninterrupted.bestEpoch());
        for (int i = 0; i < whole.parameters().size(); i++) {
            assertThat(resumedNet.parameters().get(i).value().data)
                    .containsExactly(whole.parameters().get(i).value().data);
        }
    }

    private static double[] rates(TrainingResult result) {
        return result.history().epochs().stream()
                .mapToDouble(EpochRecord::learningRate)
                .toArray();
    }

    private static String diagnostics(TrainingResult result) {
        Map<String, Object> d = new HashMap<>();
        d.put("best", result.bestEpoch());
        d.put("validation.loss", java.util.Arrays.toString(result.history().series("validation.loss")));
        return d.toString();
    }
}
