package dev.backprop.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.eval.Metrics;
import dev.backprop.core.init.Initializers;
import dev.backprop.core.network.Network;
import dev.backprop.core.random.Rng;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.Parameter;
import dev.backprop.core.spi.Schedule;
import dev.backprop.core.testing.TestActivations;
import dev.backprop.core.testing.TestData;
import dev.backprop.core.testing.TestLosses;
import dev.backprop.core.testing.TestOptimizers;
import dev.backprop.core.testing.TestRegistries;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TrainerTest {

    static Registries none() {
        return TestRegistries.none();
    }

    /** 3 Gaussian blobs in 2-D, one-hot targets. */
    static TestData blobs(int n, long seed, int batch) {
        Rng rng = new Rng(seed);
        double[][] centres = {{-2, 0}, {2, 0}, {0, 2.5}};
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        DMatrixRMaj t = new DMatrixRMaj(n, 3);
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x.set(i, 0, centres[c][0] + 0.6 * rng.nextGaussian());
            x.set(i, 1, centres[c][1] + 0.6 * rng.nextGaussian());
            t.set(i, c, 1);
        }
        return new TestData(x, t, batch, seed);
    }

    static Network net(long seed) {
        return Network.builder(none())
                .input(2)
                .dense(8, TestActivations.tanh(), true)
                .dense(3, TestActivations.softmax(), true)
                .initializer(Initializers.xavierUniform())
                .seed(seed)
                .build();
    }

    private static Trainer.Builder trainer(int epochs) {
        return Trainer.builder()
                .registries(none())
                .loss(TestLosses.crossEntropy(true))
                .optimizer(TestOptimizers.momentum(0.1, 0.9))
                .epochs(epochs);
    }

    @Test
    void fit_learnsSeparableBlobs_andRecordsEveryEpoch() {
        Network net = net(1);
        TestData train = blobs(150, 1, 16);

        TrainingResult result = trainer(15)
                .validation(blobs(60, 2, 60))
                .metrics(Metrics.accuracy())
                .build()
                .fit(net, train);

        History h = result.history();
        assertThat(h.size()).isEqualTo(15);
        assertThat(h.keys()).containsExactly("train.loss", "validation.accuracy", "validation.loss");
        assertThat(h.last().trainLoss()).isLessThan(h.epochs().get(0).trainLoss() / 3);
        // the blobs are 4 standard deviations apart: a trained network classifies nearly all
        assertThat(h.last().metric("validation.accuracy")).isGreaterThan(0.95);
        assertThat(result.stoppedEarly()).isFalse();
        assertThat(result.finalState().step()).isEqualTo(15L * 10); // ⌈150/16⌉ = 10 batches per epoch
    }

    @Test
    void sameSeedDataAndSettings_giveBitIdenticalWeights() {
        Network a = net(3);
        Network b = net(3);

        trainer(4).build().fit(a, blobs(90, 5, 8));
        trainer(4).build().fit(b, blobs(90, 5, 8));

        for (int i = 0; i < a.parameters().size(); i++) {
            assertThat(a.parameters().get(i).value().data)
                    .containsExactly(b.parameters().get(i).value().data);
        }
    }

    @Test
    void resumedRun_endsWithTheWeightsOfAnUninterruptedOne_bitForBit() {
        Network whole = net(4);
        trainer(6).build().fit(whole, blobs(90, 6, 8));

        Network part = net(4);
        TrainingResult first = trainer(3).build().fit(part, blobs(90, 6, 8));
        Network restarted = part.copy(); // as a checkpoint would restore it
        TrainingResult second = trainer(6).build().resume(restarted, blobs(90, 6, 8), first.finalState());

        for (int i = 0; i < whole.parameters().size(); i++) {
            assertThat(restarted.parameters().get(i).value().data)
                    .containsExactly(whole.parameters().get(i).value().data);
        }
        assertThat(second.history().size()).isEqualTo(6);
        assertThat(second.finalState().step()).isEqualTo(6L * 12);
    }

    @Test
    void earlyStopping_stopsAfterPatience_andRestoresTheBestWeights() {
        // validation targets are the reverse of the training targets, so validation loss rises from the start
        TestData train = blobs(60, 7, 60);
        DMatrixRMaj vx = new DMatrixRMaj(60, 2);
        DMatrixRMaj vt = new DMatrixRMaj(60, 3);
        int[] all = new int[60];
        for (int i = 0; i < 60; i++) {
            all[i] = i;
        }
        train.copyRows(all, 0, 60, vx, vt);
        for (int r = 0; r < 60; r++) {
            double first = vt.get(r, 0);
            vt.set(r, 0, vt.get(r, 1));
            vt.set(r, 1, first);
        }
        List<double[]> weightsAfterEpoch = new ArrayList<>();
        Network net = net(8);

        TrainingResult result = trainer(50)
                .validation(new TestData(vx, vt, 60, 0))
                .earlyStopping(EarlyStopping.onValidationLoss(3))
                .listener(new TrainingListener() {
                    @Override
                    public void onEpochEnd(TrainingContext context, dev.backprop.core.train.EpochRecord record) {
                        weightsAfterEpoch.add(
                                context.network().layer(0).weights().data.clone());
                    }
                })
                .build()
                .fit(net, train);

        int best = result.bestEpoch();
        double[] v = result.history().series("validation.loss");
        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.stopReason()).contains("validation.loss did not improve for 3 epochs");
        assertThat(result.history().size()).isEqualTo(best + 1 + 3);
        for (int e = best + 1; e < v.length; e++) {
            assertThat(v[e]).isGreaterThanOrEqualTo(v[best]);
        }
        assertThat(net.layer(0).weights().data).containsExactly(weightsAfterEpoch.get(best));
    }

    @Test
    void nonFiniteLoss_stopsTraining_namingEpochAndBatch() {
        TestData train = blobs(30, 9, 10);
        Network net = net(9);
        net.layer(0).weights().set(0, 0, Double.NaN);

        assertThatThrownBy(() -> trainer(3).build().fit(net, train))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageStartingWith("The loss became NaN at epoch 1, batch 1.");
    }

    @Test
    void nonFiniteGradient_stopsTraining_namingLayerParameterEpochAndBatch() {
        Loss base = TestLosses.halfSumOfSquares();
        // a finite loss whose gradient overflows in the third batch
        Loss overflowing = new Loss() {
            private int calls;

            @Override
            public String name() {
                return "overflowing";
            }

            @Override
            public Config config() {
                return Config.empty();
            }

            @Override
            public void validate(DMatrixRMaj y, DMatrixRMaj t) {
                base.validate(y, t);
            }

            @Override
            public double value(DMatrixRMaj y, DMatrixRMaj t) {
                return base.value(y, t);
            }

            @Override
            public void gradient(DMatrixRMaj y, DMatrixRMaj t, DMatrixRMaj g) {
                base.gradient(y, t, g);
                if (++calls == 3) {
                    g.data[0] = Double.POSITIVE_INFINITY;
                }
            }
        };
        Network net = Network.builder(none())
                .input(2)
                .dense(4, TestActivations.tanh(), true)
                .dense(3, TestActivations.identity(), true)
                .seed(1)
                .build();

        assertThatThrownBy(() -> Trainer.builder()
                        .registries(none())
                        .loss(overflowing)
                        .optimizer(TestOptimizers.momentum(0.01, 0))
                        .epochs(2)
                        .build()
                        .fit(net, blobs(30, 9, 10)))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("gradient of layer1.b (layer 1) became Infinity")
                .hasMessageContaining("at epoch 1, batch 3");
    }

    @Test
    void schedule_setsTheRateOfEveryStep_andHearsTheValidationLoss() {
        List<Double> observed = new ArrayList<>();
        Schedule halving = new Schedule() {
            @Override
            public String name() {
                return "halving";
            }

            @Override
            public Config config() {
                return Config.empty();
            }

            @Override
            public double rate(double baseRate, long step, int epoch) {
                return baseRate / (1 << epoch);
            }

            @Override
            public void observe(int epoch, double metric) {
                observed.add(metric);
            }
        };

        TrainingResult result = trainer(3)
                .schedule(halving)
                .validation(blobs(30, 3, 30))
                .build()
                .fit(net(2), blobs(30, 2, 10));

        // base rate 0.1 halved per epoch
        assertThat(result.history().epochs())
                .extracting(EpochRecord::learningRate)
                .containsExactly(0.1, 0.05, 0.025);
        assertThat(observed)
                .containsExactly(
                        result.history().series("validation.loss")[0],
                        result.history().series("validation.loss")[1],
                        result.history().series("validation.loss")[2]);
    }

    @Test
    void secondFit_resetsTheSchedule_soItRepeatsTheFirstRun() {
        // halves the rate at every observed epoch: state that must not leak from one fit into the next
        Schedule halvingOnObserve = new Schedule() {
            private double scale = 1;

            @Override
            public String name() {
                return "halving-on-observe";
            }

            @Override
            public Config config() {
                return Config.empty();
            }

            @Override
            public double rate(double baseRate, long step, int epoch) {
                return baseRate * scale;
            }

            @Override
            public void observe(int epoch, double metric) {
                scale /= 2;
            }

            @Override
            public void reset() {
                scale = 1;
            }
        };
        Trainer trainer = trainer(3).schedule(halvingOnObserve).build();

        double[] first = trainer.fit(net(1), blobs(30, 2, 10)).history().series("train.loss");
        TrainingResult second = trainer.fit(net(1), blobs(30, 2, 10));

        assertThat(second.history().epochs())
                .extracting(EpochRecord::learningRate)
                .containsExactly(0.1, 0.05, 0.025);
        assertThat(second.history().series("train.loss")).containsExactly(first);
    }

    @Test
    void listeners_hearEveryEvent_andCanStopTraining() {
        int[] counts = new int[4];
        TrainingResult result = trainer(10)
                .listener(new TrainingListener() {
                    @Override
                    public void onTrainingStart(TrainingContext c) {
                        counts[0]++;
                    }

                    @Override
                    public void onBatchEnd(TrainingContext c, int epoch, int batch, double loss) {
                        counts[1]++;
                    }

                    @Override
                    public void onEpochEnd(TrainingContext c, EpochRecord r) {
                        counts[2]++;
                        if (r.epoch() == 1) {
                            c.requestStop("enough");
                        }
                    }

                    @Override
                    public void onTrainingEnd(TrainingContext c, History h) {
                        counts[3]++;
                    }
                })
                .build()
                .fit(net(1), blobs(30, 1, 10));

        assertThat(counts).containsExactly(1, 6, 2, 1); // 2 epochs of 3 batches
        assertThat(result.stopReason()).isEqualTo("enough");
    }

    @Test
    void evaluationSetNamedTrain_isRefused_becauseTrainLossIsTheBatchMean() {
        assertThatThrownBy(() -> trainer(1).evaluate("train", blobs(30, 1, 10)))
                .hasMessageContaining("'train' is taken")
                .hasMessageContaining("train-eval");
    }

    @Test
    void sumReducedLoss_epochLossIsTheSumOfItsBatchValues() {
        List<Double> batchLosses = new ArrayList<>();
        Loss halfSse = TestLosses.halfSumOfSquares();
        TrainingResult result = Trainer.builder()
                .registries(none())
                .loss(halfSse)
                .optimizer(TestOptimizers.momentum(0, 0))
                .epochs(1)
                .listener(new TrainingListener() {
                    @Override
                    public void onBatchEnd(TrainingContext c, int epoch, int batch, double loss) {
                        batchLosses.add(loss);
                    }
                })
                .build()
                .fit(net(1), blobs(30, 1, 10));

        // lr 0 keeps the weights, so the three batch values are three parts of one sum
        assertThat(result.history().last().trainLoss())
                .isEqualTo(batchLosses.get(0) + batchLosses.get(1) + batchLosses.get(2));
    }

    @Test
    void missingLoss_isReportedWithTheFix() {
        assertThatThrownBy(() -> Trainer.builder()
                        .registries(none())
                        .optimizer(TestOptimizers.momentum(0.1, 0))
                        .build())
                .hasMessageContaining("needs a loss");
    }

    @Test
    void historyCsv_hasHeaderAndOneRowPerEpoch() {
        TrainingResult result = trainer(2).validation(blobs(30, 3, 30)).build().fit(net(1), blobs(30, 2, 10));
        java.io.StringWriter out = new java.io.StringWriter();

        result.history().writeCsv(out);

        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).isEqualTo("epoch,train.loss,validation.loss,learning_rate,seconds");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("0," + result.history().epochs().get(0).trainLoss() + ",");
    }

    @Test
    void steadyStateParameters_areTheNetworksOwn() {
        Network net = net(1);
        List<Parameter> before = net.parameters();
        trainer(1).build().fit(net, blobs(30, 1, 10));
        assertThat(net.parameters()).isSameAs(before);
    }

    @Test
    void zeroEpochs_isAllowed_andTrainsNothing_negativeIsRefused() {
        TrainingResult result = trainer(10).epochs(0).build().fit(net(1), blobs(30, 4, 10));

        assertThat(result.history().size()).isZero();
        assertThatThrownBy(() -> trainer(10).epochs(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Epochs must be >= 0, got -1");
    }

    @Test
    void earlyStoppingOnAValidationMetric_withoutAValidationSet_isRefused() {
        assertThatThrownBy(() -> trainer(10)
                        .earlyStopping(EarlyStopping.onValidationLoss(2))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Early stopping monitors 'validation.loss' but no evaluation set 'validation'");
    }
}
