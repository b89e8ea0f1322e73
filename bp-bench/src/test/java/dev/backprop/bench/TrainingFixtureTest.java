package dev.backprop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.gradcheck.GradientCheck;
import dev.backprop.core.gradcheck.GradientCheckReport;
import dev.backprop.core.init.Initializers;
import dev.backprop.core.random.Rng;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Loss;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The benchmarks time what they claim: the right network, with the shipped plug-ins, and correct gradients. */
class TrainingFixtureTest {

    @Test
    void tinyNetwork_isTheWorkedExample_withItsPublishedInitialError() {
        TrainingFixture fixture = TrainingFixture.tiny("ejml");

        double error = fixture.step();

        // published: total error 0.298371109 before the first update (Mazur, "A Step by Step Backpropagation
        // Example", 2015)
        assertThat(error).isCloseTo(0.298371109, within(1e-9));
    }

    @Test
    void mlpComponents_giveGradientsThatMatchCentralDifferences() {
        TrainingFixture fixture = TrainingFixture.mlp("12-7-5-3", 6, "ejml", 1, 3);
        DMatrixRMaj x = new DMatrixRMaj(6, 12);
        Initializers.normal(0, 1).fill(x, new Rng(4));
        DMatrixRMaj t = new DMatrixRMaj(6, 3);
        for (int r = 0; r < 6; r++) {
            t.set(r, r % 3, 1.0);
        }

        // reference: central differences of the loss, independent of the backward pass
        GradientCheckReport report = GradientCheck.defaults().check(fixture.network, fixture.loss, x, t);

        assertThat(fixture.network.usesFusedGradient(fixture.loss)).isTrue();
        assertThat(report.passed()).as("%s", report).isTrue();
    }

    @Test
    void mlp_usesTheShippedPluginsByName() {
        TrainingFixture fixture = TrainingFixture.mlp("6-4-3", 2, "ejml", 1, 7);

        // the classes that bp-activations, bp-losses and bp-optim register for these names
        assertThat(fixture.network.layer(0).activation().getClass().getName())
                .isEqualTo("dev.backprop.activations.Relu");
        assertThat(fixture.network.outputActivation().getClass().getName())
                .isEqualTo("dev.backprop.activations.Softmax");
        assertThat(fixture.loss.getClass().getPackageName()).isEqualTo("dev.backprop.losses");
        assertThat(fixture.optimizer.getClass().getPackageName()).isEqualTo("dev.backprop.optim");
    }

    @Test
    void softmaxBackward_withoutTheFusedGradient_matchesCentralDifferences() {
        TrainingFixture fixture = TrainingFixture.mlp("5-4", 3, "ejml", 1, 5);
        DMatrixRMaj x = new DMatrixRMaj(3, 5);
        Initializers.normal(0, 1).fill(x, new Rng(6));
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{0.1, 0.2, 0.3, 0.4}, {1, 0, 0, 0}, {0, 0.5, 0.5, 0}});

        // half squared error has no fused gradient, so softmax's own vector-Jacobian product is used
        Loss halfSse = Registries.discover().losses().create(ComponentSpec.parse("half-sse"));
        assertThat(fixture.network.usesFusedGradient(halfSse)).isFalse();
        GradientCheckReport report = GradientCheck.defaults().check(fixture.network, halfSse, x, t);

        assertThat(report.passed()).as("%s", report).isTrue();
    }
}
