package dev.backprop.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Optimizer;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every registered optimizer reduces the loss of a convex quadratic and of the 2-2-2 network of seed 004. */
class OptimizerConvergenceTest {

    /** A working configuration for each built-in optimizer; the test fails if a registered one is missing. */
    static final Map<String, String> SPECS = Map.of(
            "sgd", "sgd(lr=0.3)",
            "momentum", "momentum(lr=0.1,momentum=0.9)",
            "nesterov", "nesterov(lr=0.1,momentum=0.9)",
            "adagrad", "adagrad(lr=0.5)",
            "rmsprop", "rmsprop(lr=0.01)",
            "adam", "adam(lr=0.05)",
            "adamw", "adamw(lr=0.05)",
            "rprop", "rprop");

    static final int STEPS = 300;

    @Test
    void everyRegisteredOptimizer_hasAConfigurationHere() {
        assertThat(new TreeMap<>(SPECS).keySet())
                .containsExactlyElementsOf(Registries.discover().optimizers().names());
    }

    static Optimizer create(String name) {
        return Registries.discover().optimizers().create(ComponentSpec.parse(SPECS.get(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "rprop"})
    void optimizer_onConvexQuadratic_reducesLossTenfold(String name) {
        Quadratic q = new Quadratic();
        Optimizer optimizer = create(name);
        optimizer.initialise(q.parameters);
        // by hand: L(θ0) = ½Σa(θ0 − c)² = 0.08 + 0.49 + 0.96 + 0.16 + 0.3675 + 0.256 = 2.3135
        double initial = q.loss();
        assertThat(initial).isCloseTo(2.3135, within(1e-12));
        for (int s = 0; s < STEPS; s++) {
            q.gradients();
            optimizer.step(q.parameters, optimizer.learningRate());
        }
        assertThat(q.loss()).as(optimizer.toString()).isLessThan(initial / 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "rprop"})
    void optimizer_onSeed004Network_reducesLossTenfold(String name) {
        Network net = MazurNetwork.build();
        HalfSquaredError loss = new HalfSquaredError();
        Optimizer optimizer = create(name);
        optimizer.initialise(net.parameters());
        // numpy (see SgdSeed004Test): E0 = 0.29837110876000272, Mazur's published 0.298371109
        double initial = MazurNetwork.gradients(net, loss);
        assertThat(initial).isCloseTo(0.29837110876000272, within(1e-15));
        for (int s = 0; s < STEPS; s++) {
            MazurNetwork.gradients(net, loss);
            optimizer.step(net.parameters(), optimizer.learningRate());
        }
        assertThat(MazurNetwork.gradients(net, loss)).as(optimizer.toString()).isLessThan(initial / 10);
    }
}
