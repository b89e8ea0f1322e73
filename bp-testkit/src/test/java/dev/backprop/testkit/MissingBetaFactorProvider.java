package dev.backprop.testkit;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/**
 * A deliberately broken plug-in, registered for the kit's tests: {@code f(z) = tanh(β z)} with parameter
 * {@code beta} β (default 1), whose derivative lacks the factor β: it gives {@code 1 − tanh²(β z)} instead of
 * {@code β (1 − tanh²(β z))}. Right at the default β = 1, wrong at every other β.
 */
public final class MissingBetaFactorProvider implements ActivationProvider {

    /** For ServiceLoader. */
    public MissingBetaFactorProvider() {}

    @Override
    public String name() {
        return "test-tanh-missing-beta";
    }

    @Override
    public String description() {
        return "tanh(beta z) with a derivative missing beta, for testing the kit";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation 'test-tanh-missing-beta'", Set.of("beta"));
        double beta = config.getDouble("beta", 1.0);
        // the bug: f'(z) = beta (1 - tanh^2(beta z)), but the factor beta is missing
        return new FunctionActivation(name(), Config.of("beta", beta), z -> Math.tanh(beta * z), z -> {
            double t = Math.tanh(beta * z);
            return 1 - t * t;
        });
    }
}
