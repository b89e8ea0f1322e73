package dev.backprop.testkit;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/**
 * A deliberately broken plug-in, registered for the kit's tests: {@code f(z) = tanh(β z)} with parameter
 * {@code beta}, which it accepts and then drops: it computes and reports β = 1 whatever was given.
 */
public final class DroppedBetaProvider implements ActivationProvider {

    /** For ServiceLoader. */
    public DroppedBetaProvider() {}

    @Override
    public String name() {
        return "test-tanh-dropped-beta";
    }

    @Override
    public String description() {
        return "tanh(beta z) that drops the beta given, for testing the kit";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation 'test-tanh-dropped-beta'", Set.of("beta"));
        // the bug: the value given is never read, so beta=1.5 becomes 1.0
        double beta = 1.0;
        return new FunctionActivation(name(), Config.of("beta", beta), z -> Math.tanh(beta * z), z -> {
            double t = Math.tanh(beta * z);
            return beta * (1 - t * t);
        });
    }
}
