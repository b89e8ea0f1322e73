package dev.backprop.core.testing;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.StandardActivation;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;

/**
 * Minimal activations for bp-core's own tests (bp-core cannot depend on bp-activations). Each is the textbook
 * formula; the engine tests verify them numerically anyway.
 */
public final class TestActivations {

    private TestActivations() {}

    /** f(z) = 1 / (1 + e^−z), f' = a(1 − a). */
    public static Activation sigmoid() {
        return elementWise("sigmoid", z -> 1 / (1 + Math.exp(-z)), (z, a) -> a * (1 - a));
    }

    /** f(z) = tanh z, f' = 1 − a². */
    public static Activation tanh() {
        return elementWise("tanh", Math::tanh, (z, a) -> 1 - a * a);
    }

    /** f(z) = z, f' = 1. */
    public static Activation identity() {
        return elementWise("identity", z -> z, (z, a) -> 1);
    }

    /** f(z) = log(1 + e^z), f' = 1 / (1 + e^−z). */
    public static Activation softplus() {
        return elementWise("softplus", z -> Math.log1p(Math.exp(z)), (z, a) -> 1 / (1 + Math.exp(-z)));
    }

    /** f(z) = max(0, z), f' = 1 for z > 0 else 0. */
    public static Activation relu() {
        return elementWise("relu", z -> Math.max(0, z), (z, a) -> z > 0 ? 1 : 0);
    }

    /** Row-wise softmax with the exact vector-Jacobian product dz = s ⊙ (g − Σ g⊙s). */
    public static Activation softmax() {
        return new Activation() {
            @Override
            public String name() {
                return "softmax";
            }

            @Override
            public Config config() {
                return Config.empty();
            }

            @Override
            public boolean isRowWise() {
                return true;
            }

            @Override
            public Optional<StandardActivation> standardForm() {
                return Optional.of(StandardActivation.SOFTMAX);
            }

            @Override
            public void forward(DMatrixRMaj z, DMatrixRMaj a) {
                int k = z.numCols;
                for (int r = 0; r < z.numRows; r++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < k; c++) {
                        max = Math.max(max, z.get(r, c));
                    }
                    double sum = 0;
                    for (int c = 0; c < k; c++) {
                        double e = Math.exp(z.get(r, c) - max);
                        a.set(r, c, e);
                        sum += e;
                    }
                    for (int c = 0; c < k; c++) {
                        a.set(r, c, a.get(r, c) / sum);
                    }
                }
            }

            @Override
            public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
                for (int r = 0; r < z.numRows; r++) {
                    double dot = 0;
                    for (int c = 0; c < z.numCols; c++) {
                        dot += g.get(r, c) * a.get(r, c);
                    }
                    for (int c = 0; c < z.numCols; c++) {
                        dz.set(r, c, a.get(r, c) * (g.get(r, c) - dot));
                    }
                }
            }
        };
    }

    /** The derivative as a function of z and a = f(z). */
    @FunctionalInterface
    public interface Derivative {
        /** f'(z), given z and a = f(z). */
        double at(double z, double a);
    }

    /** An element-wise activation from f and f'. */
    public static Activation elementWise(String name, DoubleUnaryOperator f, Derivative derivative) {
        return new Activation() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Config config() {
                return Config.empty();
            }

            @Override
            public void forward(DMatrixRMaj z, DMatrixRMaj a) {
                int n = z.getNumElements();
                for (int i = 0; i < n; i++) {
                    a.data[i] = f.applyAsDouble(z.data[i]);
                }
            }

            @Override
            public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
                int n = z.getNumElements();
                for (int i = 0; i < n; i++) {
                    dz.data[i] = g.data[i] * derivative.at(z.data[i], a.data[i]);
                }
            }
        };
    }
}
