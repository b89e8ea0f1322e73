package dev.backprop.testkit;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.LossProvider;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance kit for losses as an abstract JUnit 5 test: extend it, return the provider, the kind of
 * outputs and targets it takes, and every check of {@link Conformance} runs as a test of its own.
 *
 * <pre>{@code
 * class MyLossTest extends LossContract {
 *     protected LossProvider provider() { return new MyLossProvider(); }
 *     protected TargetGenerator targets() { return TargetGenerator.real(); }
 * }
 * }</pre>
 */
public abstract class LossContract {

    /** For subclasses. */
    protected LossContract() {}

    /** The provider under test. */
    protected abstract LossProvider provider();

    /** Makes targets for sampled outputs. */
    protected abstract TargetGenerator targets();

    /** Where outputs are sampled; real numbers unless overridden. */
    protected OutputDomain outputs() {
        return OutputDomain.real();
    }

    /**
     * The configurations to check: unless overridden, {@link Conformance#configs} of the provider, i.e. the
     * defaults, the provider's declared {@code sampleConfigs()} and values the kit derives for each reported
     * parameter.
     */
    protected List<Config> configs() {
        return conformance().configs(provider());
    }

    /** The kit's settings; the defaults unless overridden. */
    protected Conformance conformance() {
        return Conformance.defaults();
    }

    /** One dynamic test per check and configuration. */
    @TestFactory
    public Stream<DynamicTest> conformsToTheLossContract() {
        return conformance()
                .dynamicTests(provider(), outputs(), targets(), configs().toArray(new Config[0]));
    }
}
