package dev.backprop.testkit;

import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance kit as an abstract JUnit 5 test: extend it, return the provider, and every check of
 * {@link Conformance} runs as a test of its own.
 *
 * <pre>{@code
 * class BentIdentityProviderTest extends ActivationContract {
 *     @Override
 *     protected ActivationProvider provider() {
 *         return new BentIdentityProvider();
 *     }
 * }
 * }</pre>
 */
public abstract class ActivationContract {

    /** For subclasses. */
    protected ActivationContract() {}

    /** The provider under test. */
    protected abstract ActivationProvider provider();

    /**
     * The configurations to check: unless overridden, {@link Conformance#configs} of the provider, i.e. the
     * defaults, the provider's declared {@code sampleConfigs()} and values the kit derives for each reported
     * parameter.
     */
    protected List<Config> configs() {
        return conformance().configs(provider());
    }

    /** The kit's settings, e.g. {@code Conformance.defaults().withKinks(0)}; the defaults unless overridden. */
    protected Conformance conformance() {
        return Conformance.defaults();
    }

    /** One dynamic test per check and configuration. */
    @TestFactory
    public Stream<DynamicTest> conformsToTheActivationContract() {
        return conformance().dynamicTests(provider(), configs().toArray(new Config[0]));
    }
}
