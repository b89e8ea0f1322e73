package dev.backprop.testkit;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.StandardActivation;
import java.util.Optional;
import java.util.Set;

/**
 * A deliberately broken plug-in, registered for the kit's tests: the correct "fast sigmoid"
 * {@code f(z) = (1 + z/(1 + |z|)) / 2}, {@code f'(z) = 1 / (2 (1 + |z|)²)}, which falsely declares itself
 * {@link StandardActivation#SIGMOID}, so that losses would fuse their gradient with it as if it were σ.
 */
public final class FalseSigmoidProvider implements ActivationProvider {

    /** For ServiceLoader. */
    public FalseSigmoidProvider() {}

    @Override
    public String name() {
        return "test-false-sigmoid";
    }

    @Override
    public String description() {
        return "a sigmoid-shaped function claiming to be the logistic function, for testing the kit";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation 'test-false-sigmoid'", Set.of());
        return new FunctionActivation(
                name(),
                Config.empty(),
                z -> (1 + z / (1 + Math.abs(z))) / 2,
                z -> 1 / (2 * (1 + Math.abs(z)) * (1 + Math.abs(z)))) {
            // the bug: this is not σ(z) = 1/(1 + e^-z)
            @Override
            public Optional<StandardActivation> standardForm() {
                return Optional.of(StandardActivation.SIGMOID);
            }
        };
    }
}
