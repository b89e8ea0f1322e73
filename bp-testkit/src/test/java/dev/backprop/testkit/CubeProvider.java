package dev.backprop.testkit;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/**
 * A correct test activation, registered for the kit's tests: {@code f(z) = s z³ / 3} with parameter
 * {@code scale} s (default 1), {@code f'(z) = s z²}.
 */
public final class CubeProvider implements ActivationProvider {

    /** For ServiceLoader. */
    public CubeProvider() {}

    @Override
    public String name() {
        return "test-cube";
    }

    @Override
    public String description() {
        return "s z^3 / 3, for testing the kit";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation 'test-cube'", Set.of("scale"));
        double s = config.getDouble("scale", 1.0);
        return new FunctionActivation(name(), Config.of("scale", s), z -> s * z * z * z / 3, z -> s * z * z);
    }
}
