package dev.backprop.testkit;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/**
 * A deliberately broken plug-in, registered for the kit's tests: it reports the parameter {@code beta} it was
 * given, but computes {@code f(z) = tanh(z)}, {@code f'(z) = 1 − tanh²(z)}, i.e. with β = 1, whatever it is.
 */
public final class UnusedBetaProvider implements ActivationProvider {

    /** For ServiceLoader. */
    public UnusedBetaProvider() {}

    @Override
    public String name() {
        return "test-tanh-unused-beta";
    }

    @Override
    public String description() {
        return "tanh(beta z) that computes with beta = 1, for testing the kit";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation 'test-tanh-unused-beta'", Set.of("beta"));
        double beta = config.getDouble("beta", 1.0);
        // the bug: beta is reported but the functions use 1
        return new FunctionActivation(name(), Config.of("beta", beta), Math::tanh, z -> {
            double t = Math.tanh(z);
            return 1 - t * t;
        });
    }
}
