package com.example.bp;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * Provides the log-cosh loss, a loss bp does not have built in: for outputs Y and targets T of the same shape
 * n × k, {@code L = (1/(n k)) Σ_ij log cosh(y_ij − t_ij)}, about half the squared error for small errors and
 * the absolute error for large ones. Its gradient is {@code ∂L/∂y_ij = tanh(y_ij − t_ij) / (n k)}.
 * {@code log cosh(e)} is computed as {@code |e| + log1p(exp(−2|e|)) − log 2}, which cannot overflow.
 */
public final class LogCoshLossProvider implements LossProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public LogCoshLossProvider() {}

    @Override
    public String name() {
        return "log-cosh";
    }

    @Override
    public String description() {
        return "log-cosh loss, mean of log(cosh(y - t))";
    }

    @Override
    public Loss create(Config config) {
        config.requireOnly("loss 'log-cosh'", Set.of());
        return new LogCosh();
    }

    /** The loss: stateless, a mean over every entry of the batch. */
    static final class LogCosh implements Loss {

        private static final double LOG_2 = Math.log(2);

        @Override
        public String name() {
            return "log-cosh";
        }

        @Override
        public Config config() {
            return Config.empty();
        }

        @Override
        public void validate(DMatrixRMaj output, DMatrixRMaj target) {
            if (output.numRows != target.numRows || output.numCols != target.numCols) {
                throw new IllegalArgumentException("log-cosh needs targets of the outputs' shape, "
                        + output.numRows + " × " + output.numCols + "; got " + target.numRows + " × "
                        + target.numCols);
            }
        }

        /** {@code L = (1/(n k)) Σ (|e| + log1p(exp(−2|e|)) − log 2)}, {@code e = y − t}. */
        @Override
        public double value(DMatrixRMaj output, DMatrixRMaj target) {
            validate(output, target);
            int size = output.getNumElements();
            double sum = 0;
            for (int i = 0; i < size; i++) {
                double e = Math.abs(output.data[i] - target.data[i]);
                sum += e + Math.log1p(Math.exp(-2 * e)) - LOG_2;
            }
            return sum / size;
        }

        /** {@code G = tanh(Y − T) / (n k)}. */
        @Override
        public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
            validate(output, target);
            int size = output.getNumElements();
            for (int i = 0; i < size; i++) {
                grad.data[i] = Math.tanh(output.data[i] - target.data[i]) / size;
            }
        }
    }
}
