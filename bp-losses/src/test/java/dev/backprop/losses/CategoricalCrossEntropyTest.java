package dev.backprop.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.network.Network;
import dev.backprop.core.random.Rng;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.core.spi.Parameter;
import dev.backprop.losses.internal.CategoricalCrossEntropyProvider;
import dev.backprop.testkit.LossContract;
import dev.backprop.testkit.OutputDomain;
import dev.backprop.testkit.TargetGenerator;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class CategoricalCrossEntropyTest extends LossContract {

    @Override
    protected LossProvider provider() {
        return new CategoricalCrossEntropyProvider();
    }

    @Override
    protected OutputDomain outputs() {
        return OutputDomain.probabilityRows();
    }

    @Override
    protected TargetGenerator targets() {
        return TargetGenerator.probabilityRows();
    }

    @Test
    void cce_ofTheSoftmax_equalsSoftmaxCrossEntropyOfTheLogits() {
        DMatrixRMaj logits = Fixtures.m(new double[][] {{1, 2, 0.5}, {-1, 0, 3}});
        DMatrixRMaj oneHot = Fixtures.m(new double[][] {{0, 1, 0}, {1, 0, 0}});
        DMatrixRMaj p = new DMatrixRMaj(2, 3);
        Fixtures.activation("softmax").forward(logits, p);
        // numpy: -np.sum(oneHot * np.log(softmax(logits, axis=1))) / 2
        assertThat(new CategoricalCrossEntropy().value(p, oneHot)).isCloseTo(2.265126343932687, within(1e-14));
    }

    @Test
    void cce_fusedWithSoftmax_equalsTheUnfusedChainTo1e12_forAnyTargets() {
        Rng rng = new Rng(5);
        DMatrixRMaj z = new DMatrixRMaj(10, 4);
        DMatrixRMaj t = new DMatrixRMaj(10, 4);
        for (int i = 0; i < z.getNumElements(); i++) {
            z.data[i] = rng.nextDouble(-5, 5);
            // targets whose rows do not sum to 1, where only the general form (P rowsum(T) - T)/n is exact
            t.data[i] = rng.nextDouble(0, 2);
        }
        Activation softmax = Fixtures.activation("softmax");
        DMatrixRMaj p = new DMatrixRMaj(10, 4);
        softmax.forward(z, p);
        CategoricalCrossEntropy cce = new CategoricalCrossEntropy();
        DMatrixRMaj unfused = new DMatrixRMaj(10, 4);
        softmax.backward(z, p, Fixtures.gradient(cce, p, t), unfused);
        DMatrixRMaj fused = new DMatrixRMaj(10, 4);
        cce.fusedWith(softmax).orElseThrow().gradient(z, p, t, fused);
        for (int i = 0; i < fused.getNumElements(); i++) {
            assertThat(fused.data[i]).isCloseTo(unfused.data[i], within(1e-12));
        }
    }

    @Test
    void activationMerelyNamedSoftmax_isNotFused_onlyOneDeclaringTheStandardForm() {
        Activation realSoftmax = Fixtures.activation("softmax");
        // a replacement registered under the name "softmax" that computes something else (here: identity)
        Activation impostor = new Activation() {
            @Override
            public String name() {
                return "softmax";
            }

            @Override
            public dev.backprop.core.spi.Config config() {
                return dev.backprop.core.spi.Config.empty();
            }

            @Override
            public void forward(DMatrixRMaj z, DMatrixRMaj a) {
                a.setTo(z);
            }

            @Override
            public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
                dz.setTo(g);
            }
        };

        assertThat(new CategoricalCrossEntropy().fusedWith(realSoftmax)).isPresent();
        assertThat(new CategoricalCrossEntropy().fusedWith(impostor)).isEmpty();
    }

    @Test
    void engine_usesTheFusedGradient_andItsParameterGradientsEqualTheUnfusedOnesTo1e12() {
        Network net = Network.builder()
                .input(3)
                .dense(5, "tanh")
                .dense(4, "softmax")
                .seed(3)
                .build();
        CategoricalCrossEntropy cce = new CategoricalCrossEntropy();
        assertThat(net.usesFusedGradient(cce)).isTrue();
        Rng rng = new Rng(9);
        DMatrixRMaj x = new DMatrixRMaj(6, 3);
        DMatrixRMaj t = new DMatrixRMaj(6, 4);
        for (int i = 0; i < x.getNumElements(); i++) {
            x.data[i] = rng.nextDouble(-2, 2);
        }
        for (int r = 0; r < 6; r++) {
            t.set(r, rng.nextInt(4), 1.0);
        }
        net.computeGradients(x, t, cce, false);
        List<DMatrixRMaj> fused = new ArrayList<>();
        for (Parameter parameter : net.parameters()) {
            fused.add(parameter.gradient().copy());
        }
        // unfused: G = ∂L/∂P from the loss, then the softmax's vector-Jacobian product in the engine
        DMatrixRMaj p = net.forward(x);
        DMatrixRMaj g = Fixtures.gradient(cce, p, t);
        net.backward(g, false);
        for (int i = 0; i < fused.size(); i++) {
            DMatrixRMaj unfused = net.parameters().get(i).gradient();
            for (int j = 0; j < unfused.getNumElements(); j++) {
                assertThat(fused.get(i).data[j]).isCloseTo(unfused.data[j], within(1e-12));
            }
        }
    }
}
