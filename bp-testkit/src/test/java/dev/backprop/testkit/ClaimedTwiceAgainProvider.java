package dev.backprop.testkit;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.Set;

/**
 * One of two plug-ins registered for the kit's tests under the same name, {@code test-claimed-twice}: correct in
 * itself ({@code f(z) = z}, {@code f'(z) = 1}), but a registry refuses the name where it is looked up.
 */
public final class ClaimedTwiceAgainProvider implements ActivationProvider {

    /** For ServiceLoader. */
    public ClaimedTwiceAgainProvider() {}

    @Override
    public String name() {
        return "test-claimed-twice";
    }

    @Override
    public String description() {
        return "the identity, registered under a name another test provider claims too";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation 'test-claimed-twice'", Set.of());
        return new FunctionActivation(name(), Config.empty(), z -> z, z -> 1.0);
    }
}
