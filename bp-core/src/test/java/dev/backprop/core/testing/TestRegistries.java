package dev.backprop.core.testing;

import dev.backprop.core.registry.Registries;
import dev.backprop.core.registry.Registry;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.core.spi.OptimizerProvider;
import dev.backprop.core.spi.ScheduleProvider;
import java.util.List;

/** Registries for tests that pass every component as an object. */
public final class TestRegistries {

    private TestRegistries() {}

    /** Registries without any provider. */
    public static Registries none() {
        return new Registries(
                Registry.of("activation", ActivationProvider.class, List.of()),
                Registry.of("loss", LossProvider.class, List.of()),
                Registry.of("optimizer", OptimizerProvider.class, List.of()),
                Registry.of("schedule", ScheduleProvider.class, List.of()));
    }
}
