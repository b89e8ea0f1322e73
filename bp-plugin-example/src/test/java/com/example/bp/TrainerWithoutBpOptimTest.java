package com.example.bp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.data.Batch;
import dev.backprop.core.data.BatchSource;
import dev.backprop.core.network.Network;
import dev.backprop.core.registry.UnknownComponentException;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.Parameter;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingResult;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * What the READMEs say a user with their own activation and loss needs: this module has bp-core and the plug-in
 * but not bp-optim, so {@code Trainer} finds no optimizer by name, and trains with an optimizer object.
 */
class TrainerWithoutBpOptimTest {

    @Test
    void optimizerByName_withoutBpOptim_isUnknown() {
        assertThatThrownBy(() -> Trainer.builder()
                        .loss("log-cosh")
                        .optimizer("sgd")
                        .epochs(1)
                        .build())
                .isInstanceOf(UnknownComponentException.class)
                .hasMessageStartingWith("Unknown optimizer 'sgd'.")
                .hasMessageContaining("Available: []");
    }

    @Test
    void anOptimizerObject_trainsWithThePluginsActivationAndLoss_withoutBpOptim() {
        Network net = Network.builder()
                .input(2)
                .dense(6, "bent-identity")
                .dense(1, "bent-identity")
                .seed(42)
                .build();

        TrainingResult result = Trainer.builder()
                .loss("log-cosh")
                .optimizer(new GradientDescent(0.5))
                .epochs(100)
                .build()
                .fit(net, new WholeBatch());

        double[] loss = result.history().series("train.loss");
        assertThat(loss[loss.length - 1]).isLessThan(loss[0] / 2);
    }

    /** The 16 points of the plane {-1, -1/3, 1/3, 1}², target x1 · x2, as one batch per epoch. */
    private static final class WholeBatch implements BatchSource {
        private final Batch batch;

        WholeBatch() {
            DMatrixRMaj x = new DMatrixRMaj(16, 2);
            DMatrixRMaj t = new DMatrixRMaj(16, 1);
            for (int i = 0; i < 16; i++) {
                double x1 = (i % 4) / 1.5 - 1;
                double x2 = Math.floorDiv(i, 4) / 1.5 - 1;
                x.set(i, 0, x1);
                x.set(i, 1, x2);
                t.set(i, 0, x1 * x2);
            }
            batch = new Batch(x, t);
        }

        @Override
        public int sampleCount() {
            return 16;
        }

        @Override
        public int beginEpoch(int epoch) {
            return 1;
        }

        @Override
        public Batch batch(int index) {
            return batch;
        }
    }

    /** Plain gradient descent, {@code θ ← θ − lr ∂L/∂θ}, as a user without bp-optim might write it. */
    private static final class GradientDescent implements Optimizer {
        private final double learningRate;

        GradientDescent(double learningRate) {
            this.learningRate = learningRate;
        }

        @Override
        public String name() {
            return "gradient-descent";
        }

        @Override
        public Config config() {
            return Config.of("lr", learningRate);
        }

        @Override
        public void initialise(List<Parameter> parameters) {}

        @Override
        public void step(List<Parameter> parameters, double rate) {
            for (Parameter p : parameters) {
                // θ ← θ − lr ∂L/∂θ
                CommonOps_DDRM.addEquals(p.value(), -rate, p.gradient());
            }
        }

        @Override
        public double learningRate() {
            return learningRate;
        }

        @Override
        public void reset() {}

        @Override
        public Map<String, DMatrixRMaj> state() {
            return Map.of();
        }

        @Override
        public void restore(Map<String, DMatrixRMaj> state) {}
    }
}
