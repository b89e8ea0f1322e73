package dev.backprop.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.eval.Metrics;
import dev.backprop.core.io.ModelDocument;
import dev.backprop.core.io.ModelFile;
import dev.backprop.core.io.ModelFileException;
import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.registry.Registry;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.OptimizerProvider;
import dev.backprop.core.spi.Schedule;
import dev.backprop.core.spi.ScheduleProvider;
import dev.backprop.core.testing.ConstantTestSchedule;
import dev.backprop.core.testing.ForwardingOptimizer;
import dev.backprop.core.testing.TestActivations;
import dev.backprop.core.testing.TestLosses;
import dev.backprop.core.testing.TestOptimizers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @TempDir
    Path dir;

    /** Registries that know the test components by name, as a model file needs. */
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
                Registry.of(
                        "optimizer",
                        OptimizerProvider.class,
                        List.of(
                                new OptimizerProvider() {
                                    @Override
                                    public String name() {
                                        return "test-momentum";
                                    }

                                    @Override
                                    public Optimizer create(Config config) {
                                        return TestOptimizers.momentum(
                                                config.getDouble("lr", 0.1), config.getDouble("mu", 0));
                                    }
                                },
                                new OptimizerProvider() {
                                    @Override
                                    public String name() {
                                        return "test-bounded";
                                    }

                                    @Override
                                    public Optimizer create(Config config) {
                                        return boundedMomentum();
                                    }
                                })),
                Registry.of("schedule", ScheduleProvider.class, List.of(new ScheduleProvider() {
                    @Override
                    public String name() {
                        return "test-constant";
                    }

                    @Override
                    public Schedule create(Config config) {
                        return constantSchedule();
                    }
                })));
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
                .optimizer(TestOptimizers.momentum(0.05, 0.9))
                .epochs(epochs)
                .validation(TrainerTest.blobs(30, 3, 30))
                .metrics(Metrics.accuracy())
                .earlyStopping(EarlyStopping.onValidationLoss(50));
    }

    @Test
    void runResumedFromACheckpointFile_endsBitIdenticalToAnUninterruptedRun() throws Exception {
        Network whole = net();
        TrainingResult uninterrupted = trainer(6).build().fit(whole, TrainerTest.blobs(90, 4, 16));

        Path file = dir.resolve("run.bp");
        trainer(3).checkpoints(Checkpoints.every(1, file)).build().fit(net(), TrainerTest.blobs(90, 4, 16));
        Checkpoint checkpoint = Checkpoints.load(file, registries());
        Trainer second = trainer(6).build();
        Checkpoints.requireSameRun(checkpoint, second);
        TrainingResult resumed = second.resume(checkpoint.network(), TrainerTest.blobs(90, 4, 16), checkpoint.state());

        assertThat(checkpoint.state().epochsDone()).isEqualTo(3);
        assertThat(checkpoint.state().history().size()).isEqualTo(3);
        for (int i = 0; i < whole.parameters().size(); i++) {
            assertThat(checkpoint.network().parameters().get(i).value().data)
                    .containsExactly(whole.parameters().get(i).value().data);
        }
        assertThat(resumed.history().series("validation.loss"))
                .containsExactly(uninterrupted.history().series("validation.loss"));
        assertThat(resumed.history().series("train.loss"))
                .containsExactly(uninterrupted.history().series("train.loss"));
        assertThat(resumed.bestEpoch()).isEqualTo(uninterrupted.bestEpoch());
    }

    @Test
    void runWithDropout_resumedFromACheckpoint_drawsTheSameMasks_andEndsBitIdentical() throws Exception {
        java.util.function.Supplier<Network> dropoutNet = () -> Network.builder(registries())
                .input(2)
                .dense(8, "tanh")
                .dropout(0.3)
                .dense(3, "softmax")
                .seed(21)
                .build();
        Network whole = dropoutNet.get();
        trainer(4).build().fit(whole, TrainerTest.blobs(60, 5, 16));

        Path file = dir.resolve("dropout.bp");
        trainer(2).checkpoints(Checkpoints.every(1, file)).build().fit(dropoutNet.get(), TrainerTest.blobs(60, 5, 16));
        Checkpoint checkpoint = Checkpoints.load(file, registries());
        trainer(4).build().resume(checkpoint.network(), TrainerTest.blobs(60, 5, 16), checkpoint.state());

        assertThat(checkpoint.network().dropoutSeed()).isEqualTo(whole.dropoutSeed());
        for (int i = 0; i < whole.parameters().size(); i++) {
            assertThat(checkpoint.network().parameters().get(i).value().data)
                    .containsExactly(whole.parameters().get(i).value().data);
        }
    }

    @Test
    void checkpointWithOtherOptimizerSettings_isRefusedOnResume() throws Exception {
        Path file = dir.resolve("run.bp");
        trainer(1).checkpoints(Checkpoints.every(1, file)).build().fit(net(), TrainerTest.blobs(30, 4, 10));
        Checkpoint checkpoint = Checkpoints.load(file, registries());

        Trainer other = Trainer.builder()
                .registries(registries())
                .loss(TestLosses.crossEntropy(true))
                .optimizer(TestOptimizers.momentum(0.5, 0.9))
                .build();

        assertThatThrownBy(() -> Checkpoints.requireSameRun(checkpoint, other))
                .hasMessage("The checkpoint was written with optimizer test-momentum(lr=0.05,mu=0.9) but this trainer"
                        + " uses test-momentum(lr=0.5,mu=0.9); resume with the same settings");
    }

    @Test
    void sameState_givesByteIdenticalCheckpoints_whateverTheOrderOfItsMaps() throws Exception {
        Network net = net();
        Trainer trainer = trainer(1).build();
        Map<String, DMatrixRMaj> forward = new LinkedHashMap<>();
        Map<String, DMatrixRMaj> backward = new LinkedHashMap<>();
        String[] keys = {"layer0.W/v", "layer0.b/v", "layer1.W/v", "layer1.b/v"};
        for (int i = 0; i < keys.length; i++) {
            forward.put(keys[i], new DMatrixRMaj(1, 1, true, i));
            backward.put(keys[keys.length - 1 - i], new DMatrixRMaj(1, 1, true, keys.length - 1 - i));
        }
        TrainingState a = new TrainingState(
                1, 3, new History(), forward, Map.of("x", 1.0, "y", 2.0), Double.NaN, -1, 0, Map.of());
        TrainingState b = new TrainingState(
                1, 3, new History(), backward, Map.of("y", 2.0, "x", 1.0), Double.NaN, -1, 0, Map.of());

        Checkpoints.save(dir.resolve("a.bp"), net, trainer, a);
        Checkpoints.save(dir.resolve("b.bp"), net, trainer, b);

        assertThat(Files.mismatch(dir.resolve("a.bp"), dir.resolve("b.bp"))).isEqualTo(-1L);
    }

    @Test
    void checkpoints_areWrittenEveryNEpochsAndAfterTheLast() {
        CheckpointWriter writer = Checkpoints.every(3, dir.resolve("x.bp"));

        assertThat(writer.due(3, 10)).isTrue();
        assertThat(writer.due(4, 10)).isFalse();
        assertThat(writer.due(10, 10)).isTrue();
        assertThatThrownBy(() -> Checkpoints.every(0, dir.resolve("x.bp"))).hasMessageContaining("got 0");
    }

    /** A state of one epoch done whose optimizer state is the given arrays. */
    private static TrainingState stateWith(Map<String, DMatrixRMaj> optimizer, int bestEpoch) {
        return new TrainingState(1, 3, new History(), optimizer, Map.of(), 0.5, bestEpoch, 0, Map.of());
    }

    /** The velocity a momentum optimizer keeps for net(): one zero matrix per parameter, shaped like it. */
    private static Map<String, DMatrixRMaj> velocities(Network net) {
        Map<String, DMatrixRMaj> state = new TreeMap<>();
        net.parameters()
                .forEach(p -> state.put(p.name() + "/v", new DMatrixRMaj(p.value().numRows, p.value().numCols)));
        return state;
    }

    @Test
    void checkpointWithNaNOptimizerState_isRefusedAtLoad_namingEntryAndIndex() throws Exception {
        Network net = net();
        var state = velocities(net);
        String first = state.keySet().iterator().next();
        state.get(first).data[1] = Double.NaN;
        Path file = dir.resolve("nan.bp");
        Checkpoints.save(file, net, trainer(1).build(), stateWith(state, 0));

        assertThatThrownBy(() -> Checkpoints.load(file, registries()))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("entry optimizer/" + first + " holds NaN at index 1");
    }

    @Test
    void checkpointWithoutOptimizerState_isRefusedAtLoad_namingTheMissingEntries() throws Exception {
        Network net = net();
        Path file = dir.resolve("bare.bp");
        Checkpoints.save(file, net, trainer(1).build(), stateWith(Map.of(), 0));

        assertThatThrownBy(() -> Checkpoints.load(file, registries()))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("the optimizer state does not fit test-momentum(lr=0.05,mu=0.9)")
                .hasMessageContaining("missing entries optimizer/"
                        + new TreeSet<>(velocities(net).keySet()));
    }

    @Test
    void checkpointWithABestEpochNotYetRun_isRefusedAtLoad() throws Exception {
        Network net = net();
        Path file = dir.resolve("future.bp");
        Checkpoints.save(file, net, trainer(1).build(), stateWith(velocities(net), 1));

        // one epoch done: the best epoch can only be 0 (or -1 without early stopping)
        assertThatThrownBy(() -> Checkpoints.load(file, registries()))
                .hasMessageContaining("best-epoch 1 is not between -1 and epochs-done - 1 = 0");
    }

    @Test
    void checkpointWithAValidState_loads() throws Exception {
        Network net = net();
        Path file = dir.resolve("good.bp");
        Checkpoints.save(file, net, trainer(1).build(), stateWith(velocities(net), 0));

        var loaded = Checkpoints.load(file, registries()).state().optimizerState();
        assertThat(loaded.keySet()).isEqualTo(velocities(net).keySet());
        // every velocity was saved as zeros
        loaded.values().forEach(v -> assertThat(v.data).containsOnly(0.0));
    }

    /** A constant schedule whose state is one non-negative entry {@code k}; it refuses a negative one. */
    private static Schedule constantSchedule() {
        return new ConstantTestSchedule() {
            @Override
            public Map<String, Double> state() {
                return Map.of("k", 1.0);
            }

            @Override
            public void restore(Map<String, Double> state) {
                if (state.getOrDefault("k", 0.0) < 0) {
                    throw new IllegalArgumentException("k must not be negative, got " + state.get("k"));
                }
            }
        };
    }

    /** Momentum SGD that refuses a velocity above 100 in its state, as an optimizer checks what it restores. */
    private static Optimizer boundedMomentum() {
        return new ForwardingOptimizer(TestOptimizers.momentum(0.05, 0.9)) {
            @Override
            public String name() {
                return "test-bounded";
            }

            @Override
            public Config config() {
                return Config.of();
            }

            @Override
            public void restore(Map<String, DMatrixRMaj> state) {
                state.values().forEach(v -> {
                    for (double x : v.data) {
                        if (x > 100) {
                            throw new IllegalArgumentException("velocity " + x + " is above 100");
                        }
                    }
                });
                super.restore(state);
            }
        };
    }

    /** A state of one epoch done with the given optimizer state, best epoch and best weights. */
    private static TrainingState stateWith(
            Map<String, DMatrixRMaj> optimizer, int bestEpoch, Map<String, DMatrixRMaj> best) {
        return new TrainingState(1, 3, new History(), optimizer, Map.of(), 0.5, bestEpoch, 0, best);
    }

    @Test
    void checkpointWithNaNOptimizerState_namesTheRowAndColumn() throws Exception {
        Network net = net();
        var state = velocities(net);
        // layer0.W is 2x6 (2 inputs, 6 units): index 8 is row 8 / 6 = 1, column 8 mod 6 = 2
        state.get("layer0.W/v").data[8] = Double.POSITIVE_INFINITY;
        Path file = dir.resolve("inf.bp");
        Checkpoints.save(file, net, trainer(1).build(), stateWith(state, 0));

        assertThatThrownBy(() -> Checkpoints.load(file, registries()))
                .hasMessageContaining("entry optimizer/layer0.W/v holds Infinity at index 8 (row 1, column 2)");
    }

    @Test
    void checkpointWithNaNBestWeights_isRefusedAtLoad_namingEntryAndIndex() throws Exception {
        Network net = net();
        DMatrixRMaj bias = new DMatrixRMaj(1, 6);
        bias.data[5] = Double.NaN;
        Path file = dir.resolve("best-nan.bp");
        Checkpoints.save(file, net, trainer(1).build(), stateWith(velocities(net), 0, Map.of("layer0.b", bias)));

        // index 5 of a 1x6 row: row 0, column 5
        assertThatThrownBy(() -> Checkpoints.load(file, registries()))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("entry best/layer0.b holds NaN at index 5 (row 0, column 5)");
    }

    @Test
    void checkpointWithBestWeightsOfAnUnknownParameter_isRefused_listingTheNetworksParameters() throws Exception {
        Network net = net();
        Path file = dir.resolve("best-unknown.bp");
        Checkpoints.save(
                file,
                net,
                trainer(1).build(),
                stateWith(velocities(net), 0, Map.of("layer7.W", new DMatrixRMaj(1, 1))));

        assertThatThrownBy(() -> Checkpoints.load(file, registries()))
                .hasMessageContaining("entry best/layer7.W is 1x1 but the network has no parameter of that name; it has"
                        + " [layer0.W, layer0.b, layer1.W, layer1.b]");
    }

    @Test
    void bestEpochOfMinusOne_loads_butBelowIsRefused() throws Exception {
        Network net = net();
        Path none = dir.resolve("none.bp");
        Path below = dir.resolve("below.bp");
        Checkpoints.save(none, net, trainer(1).build(), stateWith(velocities(net), -1));
        Checkpoints.save(below, net, trainer(1).build(), stateWith(velocities(net), -2));

        // -1 is the best epoch of a run without early stopping
        assertThat(Checkpoints.load(none, registries()).state().bestEpoch()).isEqualTo(-1);
        assertThatThrownBy(() -> Checkpoints.load(below, registries()))
                .hasMessageContaining("best-epoch -2 is not between -1 and epochs-done - 1 = 0");
    }

    @Test
    void checkpointWithExtraOptimizerState_isRefused_namingOnlyTheUnexpectedEntries() throws Exception {
        Network net = net();
        var state = velocities(net);
        state.put("layer9.W/v", new DMatrixRMaj(1, 1));
        Path file = dir.resolve("extra.bp");
        Checkpoints.save(file, net, trainer(1).build(), stateWith(state, 0));

        assertThatThrownBy(() -> Checkpoints.load(file, registries()))
                .hasMessageContaining(
                        "test-momentum(lr=0.05,mu=0.9) on this network: unexpected entries" + " optimizer/[layer9.W/v]")
                .message()
                .doesNotContain("missing");
    }

    @Test
    void checkpointWithAnOptimizerStateItsOptimizerRefuses_isRefusedAtLoad() throws Exception {
        Network net = net();
        var state = velocities(net);
        state.get("layer1.b/v").data[0] = 1000;
        Path file = dir.resolve("refused.bp");
        Trainer trainer = trainer(1).optimizer(boundedMomentum()).build();
        Checkpoints.save(file, net, trainer, stateWith(state, 0));

        assertThatThrownBy(() -> Checkpoints.load(file, registries()))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("the optimizer state is refused by test-bounded: velocity 1000.0 is above 100");
    }

    @Test
    void checkpointOfARunWithASchedule_recordsIt_andItsStateIsCheckedAtLoad() throws Exception {
        Network net = net();
        Trainer trainer = trainer(1).schedule(constantSchedule()).build();
        Path good = dir.resolve("scheduled.bp");
        Path bad = dir.resolve("bad-schedule.bp");
        Checkpoints.save(good, net, trainer, stateWith(velocities(net), 0));
        Checkpoints.save(
                bad,
                net,
                trainer,
                new TrainingState(1, 3, new History(), velocities(net), Map.of("k", -1.0), 0.5, 0, 0, Map.of()));

        Checkpoint checkpoint = Checkpoints.load(good, registries());
        assertThat(checkpoint.schedule())
                .hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("test-constant"));
        Checkpoints.requireSameRun(checkpoint, trainer);
        assertThatThrownBy(
                        () -> Checkpoints.requireSameRun(checkpoint, trainer(1).build()))
                .hasMessageStartingWith(
                        "The checkpoint was written with schedule test-constant but this trainer uses" + " null");
        assertThatThrownBy(() -> Checkpoints.load(bad, registries()))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining(
                        "the schedule state is refused by test-constant: k must not be negative, got -1.0");
    }

    @Test
    void checkpointWithAnotherLoss_isRefusedOnResume() throws Exception {
        Path file = dir.resolve("run.bp");
        Checkpoints.save(file, net(), trainer(1).build(), stateWith(velocities(net()), 0));
        Checkpoint checkpoint = Checkpoints.load(file, registries());

        Trainer other = trainer(1).loss(TestLosses.meanSquaredError()).build();

        assertThatThrownBy(() -> Checkpoints.requireSameRun(checkpoint, other))
                .hasMessage("The checkpoint was written with loss categorical-cross-entropy but this trainer uses mse;"
                        + " resume with the same settings");
    }

    @Test
    void modelFileWithoutALoss_isNotACheckpoint() throws Exception {
        Path file = dir.resolve("model.bp");
        ModelFile.save(file, new ModelDocument(net(), Optional.empty(), Map.of(), Map.of()));

        assertThatThrownBy(() -> Checkpoints.load(file, registries()))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("model.bp is a model file but not a checkpoint: it records no loss");
    }

    @Test
    void checkpointWithAHistorySeriesMissingOrOfAnotherLength_isRefused() throws Exception {
        Path file = dir.resolve("history.bp");
        trainer(2).checkpoints(Checkpoints.every(2, file)).build().fit(net(), TrainerTest.blobs(30, 4, 10));
        ModelDocument doc = ModelFile.load(file, registries());
        Map<String, DMatrixRMaj> withoutLoss = new TreeMap<>(doc.arrays());
        withoutLoss.remove("history/train.loss");
        Map<String, DMatrixRMaj> shortSeconds = new TreeMap<>(doc.arrays());
        shortSeconds.put("history/seconds", new DMatrixRMaj(1, 1));
        Path missing = dir.resolve("missing.bp");
        Path shorter = dir.resolve("shorter.bp");
        ModelFile.save(missing, new ModelDocument(doc.network(), doc.loss(), doc.metadata(), withoutLoss));
        ModelFile.save(shorter, new ModelDocument(doc.network(), doc.loss(), doc.metadata(), shortSeconds));

        // two epochs were run and recorded
        assertThatThrownBy(() -> Checkpoints.load(missing, registries()))
                .hasMessageContaining("history series 'history/train.loss' has no entry but history/epoch has 2");
        assertThatThrownBy(() -> Checkpoints.load(shorter, registries()))
                .hasMessageContaining("history series 'history/seconds' has 1 values but history/epoch has 2");
    }

    @Test
    void trainerBuiltByNames_writesCheckpointsThatResumeWithTheSameNames() throws Exception {
        Trainer byName = Trainer.builder()
                .registries(registries())
                .loss("categorical-cross-entropy")
                .optimizer("test-momentum(lr=0.05,mu=0.9)")
                .schedule("test-constant")
                .nonFiniteGuard(true)
                .epochs(1)
                .build();
        Path file = dir.resolve("named.bp");
        Network net = net();
        Checkpoints.save(file, net, byName, stateWith(velocities(net), 0));

        Checkpoint checkpoint = Checkpoints.load(file, registries());
        assertThat(checkpoint.loss().name()).isEqualTo("categorical-cross-entropy");
        assertThat(checkpoint.optimizer().toString()).isEqualTo("test-momentum(lr=0.05,mu=0.9)");
        assertThat(checkpoint.schedule())
                .hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("test-constant"));
        Checkpoints.requireSameRun(checkpoint, byName);
        assertThatThrownBy(() -> Trainer.builder()
                        .registries(registries())
                        .optimizer("test-momentum")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The trainer needs a loss: give one by name or as an object");
    }
}
