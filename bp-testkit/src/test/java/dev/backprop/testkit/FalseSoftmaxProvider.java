package dev.backprop.testkit;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.StandardActivation;
import java.util.Optional;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * A deliberately broken plug-in, registered for the kit's tests: the correct softmax at temperature 2,
 * {@code s_j = e^(z_j/2) / Σ_k e^(z_k/2)} with {@code dz_j = s_j (g_j − Σ_k g_k s_k) / 2}, which falsely declares
 * itself the plain {@link StandardActivation#SOFTMAX}.
 */
public final class FalseSoftmaxProvider implements ActivationProvider {

    /** For ServiceLoader. */
    public FalseSoftmaxProvider() {}

    @Override
    public String name() {
        return "test-false-softmax";
    }

    @Override
    public String description() {
        return "softmax at temperature 2 claiming to be softmax, for testing the kit";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation 'test-false-softmax'", Set.of());
        return new HalfSoftmax();
    }

    /** Softmax of z/2, shifted by the row's maximum so that it cannot overflow. */
    private static final class HalfSoftmax implements Activation {

        @Override
        public String name() {
            return "test-false-softmax";
        }

        @Override
        public Config config() {
            return Config.empty();
        }

        @Override
        public void forward(DMatrixRMaj z, DMatrixRMaj a) {
            for (int r = 0; r < z.numRows; r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < z.numCols; c++) {
                    max = Math.max(max, z.get(r, c));
                }
                double sum = 0;
                for (int c = 0; c < z.numCols; c++) {
                    sum += Math.exp((z.get(r, c) - max) / 2);
                }
                for (int c = 0; c < z.numCols; c++) {
                    a.set(r, c, Math.exp((z.get(r, c) - max) / 2) / sum);
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
                    dz.set(r, c, a.get(r, c) * (g.get(r, c) - dot) / 2);
                }
            }
        }

        @Override
        public boolean isRowWise() {
            return true;
        }

        // the bug: softmax of z/2 is not softmax of z
        @Override
        public Optional<StandardActivation> standardForm() {
            return Optional.of(StandardActivation.SOFTMAX);
        }
    }
}
