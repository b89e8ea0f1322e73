package dev.backprop.core.testing;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/** A plug-in defined only in the test source set, registered in its META-INF/services file: f(z) = s·z². */
public final class SquareActivationProvider implements ActivationProvider {

    @Override
    public String name() {
        return "test-square";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("Test-Quadratic");
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation 'test-square'", Set.of("scale"));
        double scale = config.getDouble("scale", 1.0);
        Config full = Config.of("scale", scale);
        Activation base = TestActivations.elementWise("test-square", z -> scale * z * z, (z, a) -> 2 * scale * z);
        return new Activation() {
            @Override
            public String name() {
                return "test-square";
            }

            @Override
            public Config config() {
                return full;
            }

            @Override
            public void forward(org.ejml.data.DMatrixRMaj z, org.ejml.data.DMatrixRMaj a) {
                base.forward(z, a);
            }

            @Override
            public void backward(
                    org.ejml.data.DMatrixRMaj z,
                    org.ejml.data.DMatrixRMaj a,
                    org.ejml.data.DMatrixRMaj g,
                    org.ejml.data.DMatrixRMaj dz) {
                base.backward(z, a, g, dz);
            }
        };
    }
}
