package dev.backprop.optim.schedule.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Schedule;
import dev.backprop.core.spi.ScheduleProvider;
import dev.backprop.optim.schedule.CosineSchedule;

/** Provides {@link CosineSchedule} under its name. */
public final class CosineProvider implements ScheduleProvider {

    /** A stateless provider. */
    public CosineProvider() {}

    @Override
    public String name() {
        return CosineSchedule.NAME;
    }

    @Override
    public String description() {
        return "Cosine annealing from the rate to min-rate over t-max epochs or steps.";
    }

    @Override
    public Schedule create(Config config) {
        return new CosineSchedule(config);
    }
}
