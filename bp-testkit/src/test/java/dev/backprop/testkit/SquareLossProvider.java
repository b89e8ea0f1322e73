package dev.backprop.testkit;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.FusedGradient;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import java.util.Optional;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * A correct test loss, registered for the kit's tests: {@code L = (1/n) Σ (y − t)²}, gradient
 * {@code 2 (y − t)/n}, with a fused gradient after {@code test-cube} (s = 1):
 * {@code dZ = 2 (a − t)/n · z²}.
 */
public final class SquareLossProvider implements LossProvider {

    /** For ServiceLoader. */
    public SquareLossProvider() {}

    @Override
    public String name() {
        return "test-square";
    }

    @Override
    public String description() {
        return "squared error summed over columns, mean over rows, for testing the kit";
    }

    @Override
    public Loss create(Config config) {
        config.requireOnly("loss 'test-square'", Set.of());
        return new SquareLoss(name(), 2.0);
    }

    /** The loss, with the fused gradient's factor as a parameter so that a test can break it. */
    static class SquareLoss implements Loss {

        private final String name;
        private final double fusedFactor;

        SquareLoss(String name, double fusedFactor) {
            this.name = name;
            this.fusedFactor = fusedFactor;
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
        public void validate(DMatrixRMaj output, DMatrixRMaj target) {
            if (output.numRows != target.numRows || output.numCols != target.numCols) {
                throw new IllegalArgumentException("targets are " + target.numRows + "x" + target.numCols
                        + " but outputs are " + output.numRows + "x" + output.numCols);
            }
        }

        @Override
        public double value(DMatrixRMaj output, DMatrixRMaj target) {
            double sum = 0;
            for (int i = 0; i < output.getNumElements(); i++) {
                double e = output.data[i] - target.data[i];
                sum += e * e;
            }
            return sum / output.numRows;
        }

        @Override
        public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
            for (int i = 0; i < output.getNumElements(); i++) {
                grad.data[i] = 2 * (output.data[i] - target.data[i]) / output.numRows;
            }
        }

        @Override
        public Optional<FusedGradient> fusedWith(Activation outputActivation) {
            if (!outputActivation.name().equals("test-cube")) {
                return Optional.empty();
            }
            return Optional.of((z, a, t, dz) -> {
                for (int i = 0; i < z.getNumElements(); i++) {
                    dz.data[i] = fusedFactor * (a.data[i] - t.data[i]) / z.numRows * z.data[i] * z.data[i];
                }
            });
        }
    }
}
