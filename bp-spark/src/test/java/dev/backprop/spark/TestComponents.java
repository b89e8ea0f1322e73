package dev.backprop.spark;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.FusedGradient;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.apache.spark.TaskContext;
import org.ejml.data.DMatrixRMaj;

/**
 * Activations and losses for bp-spark's tests, registered by name in this test tree's META-INF/services files so
 * that executors create them by name exactly as they create real plug-ins. Their names start with
 * {@code spark-test-} so they never collide with the built-in components. Each is the textbook formula; the
 * equivalence tests compare Spark training with single-JVM training using the same components.
 */
public final class TestComponents {

    private TestComponents() {}

    /** f(z) = max(0, z), f' = 1 for z > 0 else 0. */
    public static final class Relu implements ActivationProvider {
        @Override
        public String name() {
            return "spark-test-relu";
        }

        @Override
        public Activation create(Config config) {
            return elementWise(name(), z -> Math.max(0, z), (z, a) -> z > 0 ? 1 : 0);
        }
    }

    /** f(z) = tanh z, f' = 1 − a². */
    public static final class Tanh implements ActivationProvider {
        @Override
        public String name() {
            return "spark-test-tanh";
        }

        @Override
        public Activation create(Config config) {
            return elementWise(name(), Math::tanh, (z, a) -> 1 - a * a);
        }
    }

    /** f(z) = z, f' = 1. */
    public static final class Identity implements ActivationProvider {
        @Override
        public String name() {
            return "spark-test-identity";
        }

        @Override
        public Activation create(Config config) {
            return elementWise(name(), z -> z, (z, a) -> 1);
        }
    }

    /** Row-wise softmax s = e^{z − max} / Σ e^{z − max}, with dz = s ⊙ (g − Σ g ⊙ s). */
    public static final class Softmax implements ActivationProvider {
        @Override
        public String name() {
            return "spark-test-softmax";
        }

        @Override
        public Activation create(Config config) {
            config.requireOnly("activation '" + name() + "'", Set.of());
            return new Activation() {
                @Override
                public String name() {
                    return "spark-test-softmax";
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
                public void forward(DMatrixRMaj z, DMatrixRMaj a) {
                    int k = z.numCols;
                    for (int r = 0; r < z.numRows; r++) {
                        double max = Double.NEGATIVE_INFINITY;
                        for (int c = 0; c < k; c++) {
                            max = Math.max(max, z.data[r * k + c]);
                        }
                        double sum = 0;
                        for (int c = 0; c < k; c++) {
                            double e = Math.exp(z.data[r * k + c] - max);
                            a.data[r * k + c] = e;
                            sum += e;
                        }
                        for (int c = 0; c < k; c++) {
                            a.data[r * k + c] /= sum;
                        }
                    }
                }

                @Override
                public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
                    int k = z.numCols;
                    for (int r = 0; r < z.numRows; r++) {
                        double dot = 0;
                        for (int c = 0; c < k; c++) {
                            dot += g.data[r * k + c] * a.data[r * k + c];
                        }
                        for (int c = 0; c < k; c++) {
                            dz.data[r * k + c] = a.data[r * k + c] * (g.data[r * k + c] - dot);
                        }
                    }
                }
            };
        }
    }

    /**
     * Cross-entropy of class indices (targets n × 1) against probabilities, L = −(1/n) Σ_i log p_{i,y_i},
     * ∂L/∂p_{i,c} = −[c = y_i] / (n p_{i,c}); fused after spark-test-softmax: dZ = (P − onehot(y)) / n.
     */
    public static final class CrossEntropy implements LossProvider {
        @Override
        public String name() {
            return "spark-test-softmax-cross-entropy";
        }

        @Override
        public Loss create(Config config) {
            return new BaseLoss(name(), config) {
                @Override
                public void validate(DMatrixRMaj p, DMatrixRMaj t) {
                    if (t.numCols != 1 || t.numRows != p.numRows) {
                        throw new IllegalArgumentException("targets must be " + p.numRows + "x1 class indices, got "
                                + t.numRows + "x" + t.numCols);
                    }
                    for (int r = 0; r < t.numRows; r++) {
                        double y = t.data[r];
                        if (y != Math.rint(y) || y < 0 || y >= p.numCols) {
                            throw new IllegalArgumentException(
                                    "target row " + r + " is " + y + ", not a class in [0, " + p.numCols + ")");
                        }
                    }
                }

                @Override
                public double value(DMatrixRMaj p, DMatrixRMaj t) {
                    double sum = 0;
                    for (int r = 0; r < p.numRows; r++) {
                        sum -= Math.log(p.data[r * p.numCols + (int) t.data[r]]);
                    }
                    return sum / p.numRows;
                }

                @Override
                public void gradient(DMatrixRMaj p, DMatrixRMaj t, DMatrixRMaj g) {
                    int n = p.numRows;
                    int k = p.numCols;
                    g.zero();
                    for (int r = 0; r < n; r++) {
                        int y = (int) t.data[r];
                        g.data[r * k + y] = -1.0 / (n * p.data[r * k + y]);
                    }
                }

                @Override
                public Optional<FusedGradient> fusedWith(Activation output) {
                    if (!output.name().equals("spark-test-softmax")) {
                        return Optional.empty();
                    }
                    return Optional.of((z, p, t, dz) -> {
                        int n = p.numRows;
                        int k = p.numCols;
                        for (int r = 0; r < n; r++) {
                            int y = (int) t.data[r];
                            for (int c = 0; c < k; c++) {
                                // dZ = (P − onehot(y)) / n
                                dz.data[r * k + c] = (p.data[r * k + c] - (c == y ? 1 : 0)) / n;
                            }
                        }
                    });
                }
            };
        }
    }

    /** L = mean over all n·k entries of (y − t)², ∂L/∂y = 2 (y − t) / (n·k): a mean-reduced loss. */
    public static final class Mse implements LossProvider {
        @Override
        public String name() {
            return "spark-test-mse";
        }

        @Override
        public Loss create(Config config) {
            return new MeanSquaredError(name(), config);
        }
    }

    /** L = ½ Σ (y − t)², ∂L/∂y = y − t: a summed loss. */
    public static final class HalfSumOfSquares implements LossProvider {
        @Override
        public String name() {
            return "spark-test-half-sse";
        }

        @Override
        public Loss create(Config config) {
            return new BaseLoss(name(), config) {
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
    }

    /**
     * {@code spark-test-flaky-mse(partition=p,step=s)}: the mean squared error, except that inside a Spark task
     * for partition p of the job of global step s it fails on the task's first attempt. The retried attempt
     * computes normally, so a run that recovers equals a run that never failed.
     */
    public static final class FlakyMse implements LossProvider {
        @Override
        public String name() {
            return "spark-test-flaky-mse";
        }

        @Override
        public Loss create(Config config) {
            config.requireOnly("loss '" + name() + "'", Set.of("partition", "step"));
            int partition = config.getInt("partition", 0);
            long step = config.getLong("step", 0);
            return new MeanSquaredError(name(), config) {
                @Override
                public double value(DMatrixRMaj y, DMatrixRMaj t) {
                    TaskContext task = TaskContext.get();
                    if (task != null
                            && task.attemptNumber() == 0
                            && task.partitionId() == partition
                            && Long.toString(step).equals(task.getLocalProperty(JobProperties.STEP))) {
                        throw new IllegalStateException(
                                "injected failure of partition " + partition + " at step " + step + " (first attempt)");
                    }
                    return super.value(y, t);
                }
            };
        }
    }

    /** The mean squared error over all entries. */
    private static class MeanSquaredError extends BaseLoss {
        MeanSquaredError(String name, Config config) {
            super(name, config);
        }

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
    }

    /** Name, configuration and a shape check shared by the losses. */
    private abstract static class BaseLoss implements Loss {
        private final String name;
        private final Config config;

        BaseLoss(String name, Config config) {
            this.name = name;
            this.config = config;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Config config() {
            return config;
        }

        @Override
        public void validate(DMatrixRMaj y, DMatrixRMaj t) {
            if (y.numRows != t.numRows || y.numCols != t.numCols) {
                throw new IllegalArgumentException("outputs are " + y.numRows + "x" + y.numCols + " but targets are "
                        + t.numRows + "x" + t.numCols);
            }
        }
    }

    /** The derivative as a function of z and a = f(z). */
    @FunctionalInterface
    private interface Derivative {
        double at(double z, double a);
    }

    private static Activation elementWise(String name, DoubleUnaryOperator f, Derivative derivative) {
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
