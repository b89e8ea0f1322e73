package dev.backprop.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.network.Network;
import dev.backprop.core.random.Rng;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.FusedGradient;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.internal.BinaryCrossEntropyProvider;
import dev.backprop.testkit.LossContract;
import dev.backprop.testkit.OutputDomain;
import dev.backprop.testkit.TargetGenerator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class BinaryCrossEntropyTest extends LossContract {

    @Override
    protected LossProvider provider() {
        return new BinaryCrossEntropyProvider();
    }

    @Override
    protected OutputDomain outputs() {
        return OutputDomain.probabilities();
    }

    @Override
    protected TargetGenerator targets() {
        return TargetGenerator.probabilities();
    }

    @Test
    void bce_matchesNumpy_summedOverColumnsAndAveragedOverRows() {
        DMatrixRMaj p = Fixtures.m(new double[][] {{0.9, 0.2}, {0.4, 0.7}});
        DMatrixRMaj t = Fixtures.m(new double[][] {{1, 0}, {0, 1}});
        // numpy: -np.sum(T * np.log(P) + (1 - T) * np.log(1 - P)) / 2
        assertThat(new BinaryCrossEntropy().value(p, t)).isCloseTo(0.5980023173383796, within(1e-15));
    }

    @Test
    void bce_certainWrongPrediction_isClampedToMinusLogEpsilon() {
        // numpy: -np.log(1e-12) = 27.631021115928547 for p = 0 against t = 1, where log(0) would be -inf
        DMatrixRMaj p = Fixtures.m(new double[][] {{0.0}});
        DMatrixRMaj t = Fixtures.m(new double[][] {{1.0}});
        assertThat(new BinaryCrossEntropy().value(p, t)).isCloseTo(27.631021115928547, within(1e-13));
        // by hand: the clamp is flat there, so the gradient is 0 rather than -inf
        assertThat(Fixtures.gradient(new BinaryCrossEntropy(), p, t).data).containsExactly(0.0);
    }

    @Test
    void bce_fusedWithSigmoid_equalsTheUnfusedChainTo1e12() {
        Rng rng = new Rng(11);
        DMatrixRMaj z = new DMatrixRMaj(8, 3);
        DMatrixRMaj t = new DMatrixRMaj(8, 3);
        for (int i = 0; i < z.getNumElements(); i++) {
            z.data[i] = rng.nextDouble(-6, 6);
            t.data[i] = rng.nextDouble();
        }
        Activation sigmoid = Fixtures.activation("sigmoid");
        DMatrixRMaj p = new DMatrixRMaj(8, 3);
        sigmoid.forward(z, p);
        BinaryCrossEntropy bce = new BinaryCrossEntropy();
        DMatrixRMaj unfused = new DMatrixRMaj(8, 3);
        sigmoid.backward(z, p, Fixtures.gradient(bce, p, t), unfused);
        FusedGradient fused = bce.fusedWith(sigmoid).orElseThrow();
        DMatrixRMaj direct = new DMatrixRMaj(8, 3);
        fused.gradient(z, p, t, direct);
        for (int i = 0; i < direct.getNumElements(); i++) {
            // by hand: (p - t) / n is the chain (p - t)/(n p (1 - p)) · p (1 - p) without the division
            assertThat(direct.data[i]).isCloseTo(unfused.data[i], within(1e-12));
            assertThat(direct.data[i]).isCloseTo((p.data[i] - t.data[i]) / 8, within(1e-17));
        }
        assertThat(bce.fusedWith(Fixtures.activation("identity"))).isEmpty();
    }

    @Test
    void engine_usesTheFusedGradient_afterASigmoidOutputLayer() {
        BinaryCrossEntropy bce = new BinaryCrossEntropy();
        assertThat(Network.builder()
                        .input(2)
                        .dense(3, "tanh")
                        .dense(1, "sigmoid")
                        .build()
                        .usesFusedGradient(bce))
                .isTrue();
        assertThat(Network.builder().input(2).dense(1, "hard-sigmoid").build().usesFusedGradient(bce))
                .isFalse();
    }

    @Test
    void bce_outputsOutsideZeroOne_areRefusedNamingTheEntryAndTheFix() {
        DMatrixRMaj y = Fixtures.m(new double[][] {{0.5}, {1.7}});
        DMatrixRMaj t = Fixtures.m(new double[][] {{1}, {0}});
        assertThatThrownBy(() -> new BinaryCrossEntropy().validate(y, t))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("binary-cross-entropy: outputs must be in [0, 1], but outputs[1,0] = 1.7")
                .hasMessageContaining("binary-cross-entropy-with-logits");
    }
}
