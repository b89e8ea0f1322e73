package dev.backprop.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.network.Network;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.Parameter;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The optimizer life cycle: initialise, step, reset, and the errors for using it out of order. */
class OptimizerLifecycleTest {

    @Test
    void step_beforeInitialise_isRefused() {
        Quadratic q = new Quadratic();
        Optimizer adam = Adam.adam(Config.empty());
        assertThatThrownBy(() -> adam.step(q.parameters, 0.1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("adam: call initialise(parameters) before step(...)");
    }

    @Test
    void state_afterReset_isRefused() {
        Quadratic q = new Quadratic();
        Optimizer adam = Adam.adam(Config.empty());
        adam.initialise(q.parameters);
        adam.reset();
        assertThatThrownBy(adam::state).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void step_withOtherParameters_isRefusedNamingThem() {
        Network net = MazurNetwork.build();
        Optimizer sgd = new Sgd(Config.empty());
        sgd.initialise(net.parameters());
        assertThatThrownBy(() -> sgd.step(new Quadratic().parameters, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 parameters")
                .hasMessageContaining("layer0.W")
                .hasMessageContaining("q.W");
    }

    @Test
    void step_withNegativeRate_isRefused() {
        Quadratic q = new Quadratic();
        Optimizer sgd = new Sgd(Config.empty());
        sgd.initialise(q.parameters);
        assertThatThrownBy(() -> sgd.step(q.parameters, -0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sgd step learning rate must be finite and >= 0, got -0.1");
    }

    @Test
    void initialise_duplicateNames_isRefused() {
        Parameter a = new Parameter("p", Parameter.Kind.WEIGHT, new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1));
        Parameter b = new Parameter("p", Parameter.Kind.BIAS, new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1));
        assertThatThrownBy(() -> new Sgd(Config.empty()).initialise(List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'p'");
    }

    @Test
    void step_onCopyOfNetwork_isAccepted() {
        // a resumed run steps a copy whose parameters have the same names and shapes
        Network net = MazurNetwork.build();
        Network copy = net.copy();
        Optimizer sgd = new Sgd(Config.empty());
        sgd.initialise(net.parameters());
        MazurNetwork.gradients(copy, new HalfSquaredError());
        sgd.step(copy.parameters(), 0.5);
        assertThat(MazurNetwork.values(copy)).isNotEqualTo(MazurNetwork.values(net));
    }

    @Test
    void rprop_ignoresLearningRate() {
        // by hand: iRprop− moves each weight by sign(g)·Δ0 = 0.1 on the first step, whatever the rate
        Quadratic a = new Quadratic();
        Quadratic b = new Quadratic();
        Optimizer slow = new Rprop(Config.empty());
        Optimizer fast = new Rprop(Config.empty());
        slow.initialise(a.parameters);
        fast.initialise(b.parameters);
        a.gradients();
        b.gradients();
        slow.step(a.parameters, 0.001);
        fast.step(b.parameters, 10);
        assertThat(a.values()).isEqualTo(b.values());
        // by hand: W0 − cW = (0.4, −0.7, 0.8, 0.8) gives gradient signs (+, −, +, +), so W0 moves by ∓0.1
        assertThat(a.weight.value().data).containsExactly(new double[] {0.4, -0.9, 1.4, 1.9}, within(1e-15));
    }
}
