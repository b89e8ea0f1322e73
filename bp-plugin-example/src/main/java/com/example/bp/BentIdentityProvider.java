package com.example.bp;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * Provides the bent identity, {@code f(x) = (√(x² + 1) − 1)/2 + x}, an activation bp does not have built in.
 * Its derivative is {@code f'(x) = x / (2 √(x² + 1)) + 1}, between ½ and 3/2. {@code √(x² + 1)} is computed as
 * {@code hypot(x, 1)}, which cannot overflow.
 */
public final class BentIdentityProvider implements ActivationProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public BentIdentityProvider() {}

    @Override
    public String name() {
        return "bent-identity";
    }

    @Override
    public String description() {
        return "bent identity (sqrt(x^2 + 1) - 1) / 2 + x";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation 'bent-identity'", Set.of());
        return new BentIdentity();
    }

    /** The activation: stateless, so one instance could serve every layer. */
    static final class BentIdentity implements Activation {

        @Override
        public String name() {
            return "bent-identity";
        }

        @Override
        public Config config() {
            return Config.empty();
        }

        /** {@code a = (√(z² + 1) − 1)/2 + z}. */
        @Override
        public void forward(DMatrixRMaj z, DMatrixRMaj a) {
            for (int i = 0; i < z.getNumElements(); i++) {
                double x = z.data[i];
                a.data[i] = (Math.hypot(x, 1) - 1) / 2 + x;
            }
        }

        /** {@code dz = g · (z / (2 √(z² + 1)) + 1)}. */
        @Override
        public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
            for (int i = 0; i < z.getNumElements(); i++) {
                double x = z.data[i];
                dz.data[i] = g.data[i] * (x / (2 * Math.hypot(x, 1)) + 1);
            }
        }
    }
}
