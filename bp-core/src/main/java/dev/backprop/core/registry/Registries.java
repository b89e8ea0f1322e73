package dev.backprop.core.registry;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.OptimizerProvider;
import dev.backprop.core.spi.Schedule;
import dev.backprop.core.spi.ScheduleProvider;
import java.util.Objects;

/**
 * The four registries a network and its training need: activations, losses, optimizers and learning-rate
 * schedules. An instance is immutable; build one with {@link #discover()} and pass it where components are
 * named. There is no global registry.
 *
 * @param activations the activation providers
 * @param losses      the loss providers
 * @param optimizers  the optimizer providers
 * @param schedules   the learning-rate schedule providers
 */
public record Registries(
        Registry<Activation, ActivationProvider> activations,
        Registry<Loss, LossProvider> losses,
        Registry<Optimizer, OptimizerProvider> optimizers,
        Registry<Schedule, ScheduleProvider> schedules) {

    /** Checks that no registry is missing. */
    public Registries {
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(losses, "losses");
        Objects.requireNonNull(optimizers, "optimizers");
        Objects.requireNonNull(schedules, "schedules");
    }

    /**
     * Every provider visible to the current thread's context class loader (or, without one, to bp-core's own
     * loader): the class path, and the module path when the application runs as modules.
     */
    public static Registries discover() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return discover(context != null ? context : Registries.class.getClassLoader());
    }

    /** Every provider visible to the given class loader. */
    public static Registries discover(ClassLoader loader) {
        return new Registries(
                Registry.load("activation", ActivationProvider.class, loader),
                Registry.load("loss", LossProvider.class, loader),
                Registry.load("optimizer", OptimizerProvider.class, loader),
                Registry.load("schedule", ScheduleProvider.class, loader));
    }

    /** Every provider in a module layer and its parents. */
    public static Registries discover(ModuleLayer layer) {
        return new Registries(
                Registry.load("activation", ActivationProvider.class, layer),
                Registry.load("loss", LossProvider.class, layer),
                Registry.load("optimizer", OptimizerProvider.class, layer),
                Registry.load("schedule", ScheduleProvider.class, layer));
    }
}
