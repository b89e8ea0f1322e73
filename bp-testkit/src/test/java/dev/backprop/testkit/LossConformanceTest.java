package dev.backprop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import java.util.Set;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The kit passes a correct loss and catches each kind of defect. */
class LossConformanceTest {

    private static LossProvider provider(String name, Supplier<Loss> factory) {
        return new LossProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "a test loss";
            }

            @Override
            public Loss create(Config config) {
                config.requireOnly("loss '" + name + "'", Set.of());
                return factory.get();
            }
        };
    }

    private static CheckResult result(ConformanceReport report, String check) {
        return report.results().stream()
                .filter(r -> r.check().equals(check))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void correctRegisteredLoss_passesEveryCheck_includingItsFusedGradient() {
        ConformanceReport report =
                Conformance.defaults().checkLoss(new SquareLossProvider(), Config.empty(), TargetGenerator.real());
        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(report.maxRelativeError()).isLessThanOrEqualTo(1e-6);
        assertThat(result(report, "fused gradients").message()).contains("the fused dZ with [test-cube] equals");
    }

    @Test
    void wrongFusedGradient_failsTheFusedCheck() {
        // the fused gradient with the factor 3 instead of 2
        ConformanceReport report = Conformance.defaults()
                .checkLoss(
                        provider("test-square", () -> new SquareLossProvider.SquareLoss("test-square", 3.0)),
                        Config.empty(),
                        TargetGenerator.real());
        CheckResult fused = result(report, "fused gradients");
        assertThat(fused.passed()).isFalse();
        assertThat(fused.message()).startsWith("with test-cube, the fused dZ[");
    }

    @Test
    void gradientMissingAFactor_failsTheGradientCheck() {
        LossProvider half = provider("half-wrong", () -> new SquareLossProvider.SquareLoss("half-wrong", 2.0) {
            @Override
            public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
                super.gradient(output, target, grad);
                grad.data[3] *= 0.5;
            }
        });
        CheckResult gradient =
                result(Conformance.defaults().checkLoss(half, Config.empty(), TargetGenerator.real()), "gradient");
        assertThat(gradient.passed()).isFalse();
        assertThat(gradient.message()).contains("Y[0,3]");
    }

    @Test
    void validateAcceptingAnyShape_failsWrongTargetShape() {
        LossProvider lax = provider("lax", () -> new SquareLossProvider.SquareLoss("lax", 2.0) {
            @Override
            public void validate(DMatrixRMaj output, DMatrixRMaj target) {}
        });
        CheckResult shape = result(
                Conformance.defaults().checkLoss(lax, Config.empty(), TargetGenerator.real()),
                "wrong target shape refused");
        assertThat(shape.passed()).isFalse();
        assertThat(shape.message())
                .isEqualTo("validate accepted 6x7 targets for 6x4 outputs; throw"
                        + " IllegalArgumentException naming both shapes");
    }

    @Test
    void gradientDependingOnOtherRows_failsRowsIndependent() {
        // L = (1/n) Σ (y − t)² + (Σ y)², whose gradient 2 Σ y is shared by all rows
        LossProvider coupled = provider("coupled", () -> new SquareLossProvider.SquareLoss("coupled", 2.0) {
            @Override
            public double value(DMatrixRMaj output, DMatrixRMaj target) {
                double total = 0;
                for (double v : output.data) {
                    total += v;
                }
                return super.value(output, target) + total * total;
            }

            @Override
            public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
                super.gradient(output, target, grad);
                double total = 0;
                for (int i = 0; i < output.getNumElements(); i++) {
                    total += output.data[i];
                }
                for (int i = 0; i < output.getNumElements(); i++) {
                    grad.data[i] += 2 * total;
                }
            }
        });
        ConformanceReport report = Conformance.defaults().checkLoss(coupled, Config.empty(), TargetGenerator.real());
        assertThat(result(report, "gradient").passed()).isTrue();
        assertThat(result(report, "rows independent").message()).contains("when only other rows of the batch changed");
    }

    @Test
    void logOfProbabilitiesWithoutClamp_failsExtremeOutputs() {
        // −(1/n) Σ t log p with no floor: p = 0 gives +∞ where t = 1 and 0 · (−∞) = NaN where t = 0
        LossProvider unclamped = provider("unclamped", () -> new SquareLossProvider.SquareLoss("unclamped", 2.0) {
            @Override
            public double value(DMatrixRMaj output, DMatrixRMaj target) {
                double sum = 0;
                for (int i = 0; i < output.getNumElements(); i++) {
                    sum -= target.data[i] * Math.log(output.data[i]);
                }
                return sum / output.numRows;
            }

            @Override
            public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
                for (int i = 0; i < output.getNumElements(); i++) {
                    grad.data[i] = -target.data[i] / output.data[i] / output.numRows;
                }
            }
        });
        CheckResult extremes = result(
                Conformance.defaults()
                        .checkLoss(unclamped, Config.empty(), OutputDomain.probabilityRows(), TargetGenerator.oneHot()),
                "extreme outputs");
        assertThat(extremes.passed()).isFalse();
        assertThat(extremes.message())
                .startsWith("value is NaN for outputs [[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 1.0]");
    }
}
