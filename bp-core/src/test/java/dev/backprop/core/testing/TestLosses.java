package dev.backprop.core.testing;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.BatchReduction;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.FusedGradient;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.StandardActivation;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/** Minimal losses for bp-core's own tests (bp-core cannot depend on bp-losses). */
public final class TestLosses {

    private TestLosses() {}

    /** E = ½ Σ (y − t)², seed 004's total error; ∂E/∂y = y − t. */
    public static Loss halfSumOfSquares() {
        return new SimpleLoss("half-sse") {
            @Override
            public BatchReduction batchReduction() {
                return BatchReduction.SUM;
            }

            @Override
            public double value(DMatrixRMaj y, DMatrixRMaj t) {
                double sum = 0;
                for (int i = 0; i < y.getNumElements(); i++) {
                    double d = y.data[i] - t.data[i];
                    sum += 0.5 * d * d;
                }
                return sum;
            }

            @Override
            public void gradient(DMatrixRMaj y, DMatrixRMaj t, DMatrixRMaj g) {
                for (int i = 0; i < y.getNumElements(); i++) {
                    g.data[i] = y.data[i] - t.data[i];
                }
            }
        };
    }

    /** L = mean over all n·k entries of (y − t)²; ∂L/∂y = 2 (y − t) / (n·k). */
    public static Loss meanSquaredError() {
        return new SimpleLoss("mse") {
            @Override
            public double value(DMatrixRMaj y, DMatrixRMaj t) {
                double sum = 0;
                for (int i = 0; i < y.getNumElements(); i++) {
                    double d = y.data[i] - t.data[i];
                    sum += d * d;
                }
                return sum / y.getNumElements();
            }

            @Override
            public void gradient(DMatrixRMaj y, DMatrixRMaj t, DMatrixRMaj g) {
                for (int i = 0; i < y.getNumElements(); i++) {
                    g.data[i] = 2 * (y.data[i] - t.data[i]) / y.getNumElements();
                }
            }
        };
    }

    /**
     * Cross-entropy of probabilities averaged over rows, L = −(1/n) Σ t log p, ∂L/∂p = −t / (n p); declares the
     * fused gradient (P ⊙ rowsum(T) − T)/n after an activation that declares itself the standard softmax.
     *
     * @param fuse whether to declare the fused gradient
     */
    public static Loss crossEntropy(boolean fuse) {
        return new SimpleLoss("categorical-cross-entropy") {
            @Override
            public double value(DMatrixRMaj p, DMatrixRMaj t) {
                double sum = 0;
                for (int i = 0; i < p.getNumElements(); i++) {
                    if (t.data[i] != 0) {
                        sum -= t.data[i] * Math.log(p.data[i]);
                    }
                }
                return sum / p.numRows;
            }

            @Override
            public void gradient(DMatrixRMaj p, DMatrixRMaj t, DMatrixRMaj g) {
                for (int i = 0; i < p.getNumElements(); i++) {
                    g.data[i] = -t.data[i] / (p.numRows * p.data[i]);
                }
            }

            @Override
            public Optional<FusedGradient> fusedWith(Activation outputActivation) {
                if (!fuse || outputActivation.standardForm().orElse(null) != StandardActivation.SOFTMAX) {
                    return Optional.empty();
                }
                return Optional.of((z, p, t, dz) -> {
                    int n = p.numRows;
                    for (int r = 0; r < n; r++) {
                        double rowSum = 0;
                        for (int c = 0; c < p.numCols; c++) {
                            rowSum += t.get(r, c);
                        }
                        for (int c = 0; c < p.numCols; c++) {
                            dz.set(r, c, (p.get(r, c) * rowSum - t.get(r, c)) / n);
                        }
                    }
                });
            }
        };
    }

    private abstract static class SimpleLoss implements Loss {
        private final String name;

        SimpleLoss(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Config config() {
            return Config.empty();
        }

        @Override
        public void validate(DMatrixRMaj y, DMatrixRMaj t) {
            if (y.numRows != t.numRows || y.numCols != t.numCols) {
                throw new IllegalArgumentException(name + ": output is " + y.numRows + "x" + y.numCols
                        + " but target is " + t.numRows + "x" + t.numCols);
            }
        }
    }
}
