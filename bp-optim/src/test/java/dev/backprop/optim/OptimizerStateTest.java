package dev.backprop.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Optimizer;
import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Saving, restoring and resetting optimizer state: a resumed run continues bit for bit. */
class OptimizerStateTest {

    /** Regularisation that touches every transform, so that resuming is checked with all of them active. */
    static final String REGULARIZATION =
            "l2=0.01,l1=0.001,clip-value=0.5,clip-norm=1.0,weight-decay=0.01," + "max-norm=3.0";

    static Optimizer create(String name) {
        return Registries.discover().optimizers().create(ComponentSpec.parse(name + "(" + REGULARIZATION + ")"));
    }

    static final double[] RATES = {0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0.5};

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "rprop"})
    void saveRestoreContinue_equalsUninterrupted_bitForBit(String name) {
        HalfSquaredError loss = new HalfSquaredError();
        Network uninterrupted = MazurNetwork.build();
        Optimizer first = create(name);
        first.initialise(uninterrupted.parameters());
        for (int s = 0; s < 3; s++) {
            MazurNetwork.gradients(uninterrupted, loss);
            first.step(uninterrupted.parameters(), RATES[s]);
        }
        // a checkpoint: the weights, the optimizer's spec and its state
        Network resumed = uninterrupted.copy();
        Map<String, DMatrixRMaj> saved = first.state();
        Optimizer second = Registries.discover()
                .optimizers()
                .create(ComponentSpec.parse(first.spec().toString()));
        second.initialise(resumed.parameters());
        second.restore(saved);
        for (int s = 3; s < RATES.length; s++) {
            MazurNetwork.gradients(uninterrupted, loss);
            first.step(uninterrupted.parameters(), RATES[s]);
            MazurNetwork.gradients(resumed, loss);
            second.step(resumed.parameters(), RATES[s]);
        }
        assertThat(MazurNetwork.values(resumed)).isEqualTo(MazurNetwork.values(uninterrupted));
        assertStatesEqual(second.state(), first.state());
    }

    static void assertStatesEqual(Map<String, DMatrixRMaj> actual, Map<String, DMatrixRMaj> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, m) -> assertThat(actual.get(key).data).as(key).isEqualTo(m.data));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "rprop"})
    void resetThenInitialise_behavesAsNew_bitForBit(String name) {
        HalfSquaredError loss = new HalfSquaredError();
        Network used = MazurNetwork.build();
        Optimizer optimizer = create(name);
        optimizer.initialise(used.parameters());
        MazurNetwork.gradients(used, loss);
        optimizer.step(used.parameters(), 0.5);
        optimizer.reset();

        Network a = MazurNetwork.build();
        Network b = MazurNetwork.build();
        Optimizer fresh = create(name);
        optimizer.initialise(a.parameters());
        fresh.initialise(b.parameters());
        for (int s = 0; s < 4; s++) {
            MazurNetwork.gradients(a, loss);
            optimizer.step(a.parameters(), RATES[s]);
            MazurNetwork.gradients(b, loss);
            fresh.step(b.parameters(), RATES[s]);
        }
        assertThat(MazurNetwork.values(a)).isEqualTo(MazurNetwork.values(b));
    }

    @Test
    void adamState_isKeyedByParameterName_withStepCounts() {
        Network net = MazurNetwork.build();
        Optimizer adam = create("adam");
        adam.initialise(net.parameters());
        MazurNetwork.gradients(net, new HalfSquaredError());
        adam.step(net.parameters(), 0.01);
        adam.step(net.parameters(), 0.01);
        Map<String, DMatrixRMaj> state = adam.state();
        assertThat(state)
                .containsOnlyKeys(
                        "layer0.W/m",
                        "layer0.W/v",
                        "layer0.W/step",
                        "layer0.b/m",
                        "layer0.b/v",
                        "layer0.b/step",
                        "layer1.W/m",
                        "layer1.W/v",
                        "layer1.W/step",
                        "layer1.b/m",
                        "layer1.b/v",
                        "layer1.b/step");
        // two steps were taken
        assertThat(state.get("layer1.W/step").data).containsExactly(2.0);
        assertThat(state.get("layer0.W/m").numRows).isEqualTo(2);
        assertThat(state.get("layer0.b/m").numRows).isEqualTo(1);
    }

    @Test
    void sgdState_isEmpty() {
        Network net = MazurNetwork.build();
        Optimizer sgd = create("sgd");
        sgd.initialise(net.parameters());
        assertThat(sgd.state()).isEmpty();
    }

    @Test
    void state_isACopy() {
        Network net = MazurNetwork.build();
        Optimizer momentum = create("momentum");
        momentum.initialise(net.parameters());
        MazurNetwork.gradients(net, new HalfSquaredError());
        momentum.step(net.parameters(), 0.1);
        Map<String, DMatrixRMaj> state = momentum.state();
        double[] before = state.get("layer0.W/velocity").data.clone();
        state.get("layer0.W/velocity").data[0] = 1e9;
        assertThat(momentum.state().get("layer0.W/velocity").data).isEqualTo(before);
    }

    @Test
    void restore_missingKey_isRefusedNamingIt() {
        Network net = MazurNetwork.build();
        Optimizer adam = create("adam");
        adam.initialise(net.parameters());
        Map<String, DMatrixRMaj> state = new HashMap<>(adam.state());
        state.remove("layer1.b/v");
        assertThatThrownBy(() -> adam.restore(state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adam state lacks 'layer1.b/v'");
    }

    @Test
    void restore_wrongShape_isRefusedNamingBothShapes() {
        Network net = MazurNetwork.build();
        Optimizer rmsprop = create("rmsprop");
        rmsprop.initialise(net.parameters());
        Map<String, DMatrixRMaj> state = new HashMap<>(rmsprop.state());
        state.put("layer0.W/square-avg", new DMatrixRMaj(3, 2));
        assertThatThrownBy(() -> rmsprop.restore(state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rmsprop state 'layer0.W/square-avg' is 3x2 but parameter layer0.W is 2x2");
    }

    @Test
    void restore_unexpectedKey_isRefused() {
        Network net = MazurNetwork.build();
        Optimizer adagrad = create("adagrad");
        adagrad.initialise(net.parameters());
        Map<String, DMatrixRMaj> state = new HashMap<>(adagrad.state());
        state.put("layer9.W/sum", new DMatrixRMaj(1, 1));
        assertThatThrownBy(() -> adagrad.restore(state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected keys [layer9.W/sum]");
    }

    @Test
    void restore_fractionalStepCount_isRefused() {
        Network net = MazurNetwork.build();
        Optimizer adam = create("adam");
        adam.initialise(net.parameters());
        Map<String, DMatrixRMaj> state = new HashMap<>(adam.state());
        state.put("layer0.W/step", new DMatrixRMaj(1, 1, true, 2.5));
        assertThatThrownBy(() -> adam.restore(state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer0.W/step")
                .hasMessageContaining("2.5");
    }
}
