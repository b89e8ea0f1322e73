package dev.backprop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.activations.Activations;
import dev.backprop.core.network.Network;
import dev.backprop.core.train.Trainer;
import dev.backprop.losses.Losses;
import dev.backprop.optim.Optimizers;
import dev.backprop.optim.schedule.Schedules;
import org.junit.jupiter.api.Test;

/** The typed-factory example of README.md ("Names or typed factories"), verbatim, so it cannot drift. */
class ReadmeFactoriesTest {

    @Test
    void readmeFactoryExample_buildsWhatTheNamesDescribe() {
        Network net = Network.builder()
                .input(784)
                .dense(50, Activations.leakyRelu(0.1), true)
                .dense(10, Activations.softmax(), true)
                .build();
        Trainer trainer = Trainer.builder()
                .loss(Losses.categoricalCrossEntropy())
                .optimizer(Optimizers.adam().learningRate(0.001).clipNorm(5).build())
                .schedule(Schedules.cosine().tMax(50).build())
                .build();

        // the names and parameters the README's string form would give
        assertThat(net.spec().layers().get(0).activation().toString()).isEqualTo("leaky-relu(alpha=0.1)");
        assertThat(trainer.loss().name()).isEqualTo("categorical-cross-entropy");
        assertThat(trainer.optimizer().config().getDouble("lr", 0)).isEqualTo(0.001);
        assertThat(trainer.optimizer().config().getDouble("clip-norm", 0)).isEqualTo(5.0);
        assertThat(trainer.schedule())
                .hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("cosine"));
    }
}
