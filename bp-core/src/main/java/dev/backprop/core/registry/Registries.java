package dev.backprop.core.registry;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Component;
import dev.backprop.core.spi.ComponentProvider;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.OptimizerProvider;
import dev.backprop.core.spi.Schedule;
import dev.backprop.core.spi.ScheduleProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The four registries a network and its training need: activations, losses, optimizers and learning-rate
 * schedules. An instance is immutable; build one with {@link #discover()}, or with {@link #builder()} to combine
 * class loaders and module layers (an application's plug-in folder, say) and to settle conflicts by class, and
 * pass it where components are named. There is no global registry.
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

    /**
     * Every name two or more providers claim, one message per conflict, over the four kinds; empty when every
     * name belongs to one provider.
     */
    public List<String> conflicts() {
        List<String> messages = new ArrayList<>();
        messages.addAll(activations.conflictMessages());
        messages.addAll(losses.conflictMessages());
        messages.addAll(optimizers.conflictMessages());
        messages.addAll(schedules.conflictMessages());
        return Collections.unmodifiableList(messages);
    }

    /** A builder for registries from several class loaders and module layers. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds the four registries from the class loaders and module layers given, in order (the current
     * thread's context class loader when none is given), leaving out providers by class and settling contested
     * names by class. Not thread-safe; use once.
     */
    public static final class Builder {

        private final List<ClassLoader> loaders = new ArrayList<>();
        private final List<ModuleLayer> layers = new ArrayList<>();
        private final Set<String> excluded = new LinkedHashSet<>();
        private final Set<String> preferred = new LinkedHashSet<>();

        private Builder() {}

        /** Adds the providers visible to a class loader. */
        public Builder classLoader(ClassLoader loader) {
            loaders.add(Objects.requireNonNull(loader, "loader"));
            return this;
        }

        /** Adds the providers of the modules in a layer and its parents. */
        public Builder moduleLayer(ModuleLayer layer) {
            layers.add(Objects.requireNonNull(layer, "layer"));
            return this;
        }

        /** Leaves out every provider of this class, of any kind. */
        public Builder exclude(String className) {
            excluded.add(Objects.requireNonNull(className, "className"));
            return this;
        }

        /** Gives this provider class every name it shares with another provider of its kind. */
        public Builder prefer(String className) {
            preferred.add(Objects.requireNonNull(className, "className"));
            return this;
        }

        /**
         * The registries.
         *
         * @throws IllegalArgumentException when a preferred class is not a provider of any kind
         */
        public Registries build() {
            Registries registries = new Registries(
                    registry("activation", ActivationProvider.class),
                    registry("loss", LossProvider.class),
                    registry("optimizer", OptimizerProvider.class),
                    registry("schedule", ScheduleProvider.class));
            for (String className : preferred) {
                boolean found = Stream.of(
                                registries.activations().providers(),
                                registries.losses().providers(),
                                registries.optimizers().providers(),
                                registries.schedules().providers())
                        .flatMap(List::stream)
                        .anyMatch(p -> p.className().equals(className));
                if (!found) {
                    throw new IllegalArgumentException("Cannot prefer " + className
                            + ": no activation, loss, optimizer or schedule provider has that class");
                }
            }
            return registries;
        }

        private <T extends Component, P extends ComponentProvider<T>> Registry<T, P> registry(
                String kind, Class<P> service) {
            Registry.Builder<T, P> builder = Registry.builder(kind, service);
            for (ModuleLayer layer : layers) {
                builder.moduleLayer(layer);
            }
            for (ClassLoader loader : loaders) {
                builder.classLoader(loader);
            }
            if (layers.isEmpty() && loaders.isEmpty()) {
                ClassLoader context = Thread.currentThread().getContextClassLoader();
                builder.classLoader(context != null ? context : Registries.class.getClassLoader());
            }
            excluded.forEach(builder::exclude);
            preferred.forEach(builder::prefer);
            return builder.build();
        }
    }
}
