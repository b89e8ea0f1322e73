package dev.backprop.core.io;

import dev.backprop.core.registry.Registries;
import dev.backprop.core.registry.Registry;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.core.spi.OptimizerProvider;
import dev.backprop.core.spi.ScheduleProvider;
import dev.backprop.core.testing.SquareActivationProvider;
import dev.backprop.core.testing.TestActivations;
import dev.backprop.core.testing.TestLosses;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Registries of bp-core's test activations and losses, for saving and loading model files in tests. */
final class IoTestRegistries {

    private IoTestRegistries() {}

    /** tanh, sigmoid, identity, softmax and test-square(scale); the losses mse and half-sse. */
    static Registries standard() {
        return build(List.of());
    }

    /** The standard registries plus bent-identity, f(z) = (√(z² + 1) − 1) / 2 + z, which a loader may lack. */
    static Registries withBentIdentity() {
        return build(List.of(new NamedActivation(
                "bent-identity",
                () -> TestActivations.elementWise(
                        "bent-identity",
                        z -> (Math.sqrt(z * z + 1) - 1) / 2 + z,
                        (z, a) -> z / (2 * Math.sqrt(z * z + 1)) + 1))));
    }

    private static Registries build(List<ActivationProvider> more) {
        List<ActivationProvider> activations = new ArrayList<>(List.of(
                new NamedActivation("tanh", TestActivations::tanh),
                new NamedActivation("sigmoid", TestActivations::sigmoid),
                new NamedActivation("identity", TestActivations::identity),
                new NamedActivation("softmax", TestActivations::softmax),
                new SquareActivationProvider()));
        activations.addAll(more);
        return new Registries(
                Registry.of("activation", ActivationProvider.class, activations),
                Registry.of(
                        "loss",
                        LossProvider.class,
                        List.of(
                                new NamedLoss("mse", TestLosses::meanSquaredError),
                                new NamedLoss("half-sse", TestLosses::halfSumOfSquares))),
                Registry.of("optimizer", OptimizerProvider.class, List.of()),
                Registry.of("schedule", ScheduleProvider.class, List.of()));
    }

    /** An activation without parameters. */
    private static final class NamedActivation implements ActivationProvider {
        private final String name;
        private final Supplier<Activation> factory;

        NamedActivation(String name, Supplier<Activation> factory) {
            this.name = name;
            this.factory = factory;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Activation create(Config config) {
            config.requireOnly("activation '" + name + "'", Set.of());
            return factory.get();
        }
    }

    /** A loss without parameters. */
    private static final class NamedLoss implements LossProvider {
        private final String name;
        private final Supplier<Loss> factory;

        NamedLoss(String name, Supplier<Loss> factory) {
            this.name = name;
            this.factory = factory;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Loss create(Config config) {
            config.requireOnly("loss '" + name + "'", Set.of());
            return factory.get();
        }
    }
}
