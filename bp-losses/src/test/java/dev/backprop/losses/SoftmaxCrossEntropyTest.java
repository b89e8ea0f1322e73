package dev.backprop.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.internal.SoftmaxCrossEntropyProvider;
import dev.backprop.testkit.Conformance;
import dev.backprop.testkit.LossContract;
import dev.backprop.testkit.OutputDomain;
import dev.backprop.testkit.TargetGenerator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class SoftmaxCrossEntropyTest extends LossContract {

    private static final DMatrixRMaj LOGITS = Fixtures.m(new double[][] {{1, 2, 0.5}, {-1, 0, 3}});
    private static final DMatrixRMaj ONE_HOT = Fixtures.m(new double[][] {{0, 1, 0}, {1, 0, 0}});
    private static final DMatrixRMaj INDICES = Fixtures.m(new double[][] {{1}, {0}});

    @Override
    protected LossProvider provider() {
        return new SoftmaxCrossEntropyProvider();
    }

    @Override
    protected TargetGenerator targets() {
        return TargetGenerator.oneHot();
    }

    @Test
    void classIndexTargets_passTheKitToo() {
        Conformance.defaults()
                .checkLoss(provider(), Config.empty(), OutputDomain.real(), TargetGenerator.classIndices())
                .assertPassed();
        Conformance.defaults()
                .checkLoss(provider(), Config.empty(), OutputDomain.real(), TargetGenerator.probabilityRows())
                .assertPassed();
    }

    @Test
    void oneHotAndIndexTargets_giveTheSameLossAndGradient_matchingScipy() {
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        // scipy: -np.sum(oneHot * log_softmax(logits, axis=1)) / 2
        assertThat(loss.value(LOGITS, ONE_HOT)).isCloseTo(2.265126343932687, within(1e-15));
        assertThat(loss.value(LOGITS, INDICES)).isCloseTo(2.265126343932687, within(1e-15));
        // scipy: (softmax(logits, axis=1) - oneHot) / 2
        double[] expected = {
            0.11561194881107453,
            -0.18573414039411879,
            0.07012219158304424,
            -0.4914260872272398,
            0.02330631128898695,
            0.4681197759382529
        };
        assertThat(Fixtures.gradient(loss, LOGITS, ONE_HOT).data).containsExactly(expected, within(1e-16));
        assertThat(Fixtures.gradient(loss, LOGITS, INDICES).data).containsExactly(expected, within(1e-16));
    }

    @Test
    void distributionTargets_matchScipy() {
        DMatrixRMaj dist = Fixtures.m(new double[][] {{0.2, 0.5, 0.3}, {0, 0.25, 0.75}});
        // scipy: -np.sum(dist * log_softmax(logits, axis=1)) / 2
        assertThat(new SoftmaxCrossEntropy().value(LOGITS, dist)).isCloseTo(0.9651263439326871, within(1e-15));
    }

    @Test
    void extremeLogits_giveExactFiniteLoss() {
        // scipy: -log_softmax([-1e4, 1e4])[0] = 20000 for the target class 0
        DMatrixRMaj z = Fixtures.m(new double[][] {{-1e4, 1e4}});
        assertThat(new SoftmaxCrossEntropy().value(z, Fixtures.m(new double[][] {{0}})))
                .isEqualTo(20000.0);
    }

    @Test
    void classIndexOutOfRange_isRefusedNamingRowAndValue() {
        DMatrixRMaj bad = Fixtures.m(new double[][] {{1}, {3}});
        assertThatThrownBy(() -> new SoftmaxCrossEntropy().validate(LOGITS, bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("softmax-cross-entropy: targets[1,0] = 3.0 is not a class index in [0, 3)");
        DMatrixRMaj fractional = Fixtures.m(new double[][] {{1}, {0.5}});
        assertThatThrownBy(() -> new SoftmaxCrossEntropy().value(LOGITS, fractional))
                .hasMessage("softmax-cross-entropy: targets[1,0] = 0.5 is not a class index in [0, 3)");
    }

    @Test
    void targetsOfAnotherShape_areRefusedNamingBothForms() {
        assertThatThrownBy(() -> new SoftmaxCrossEntropy().validate(LOGITS, new DMatrixRMaj(2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("softmax-cross-entropy: targets are 2x2 but outputs are 2x3; targets must be 2x3"
                        + " (one-hot or distributions) or 2x1 (class indices)");
    }

    @Test
    void noFusedGradient_sinceTheSoftmaxIsInTheLoss() {
        assertThat(new SoftmaxCrossEntropy().fusedWith(Fixtures.activation("identity")))
                .isEmpty();
    }
}
