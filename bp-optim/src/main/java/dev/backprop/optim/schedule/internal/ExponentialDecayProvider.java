package dev.backprop.optim.schedule.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Schedule;
import dev.backprop.core.spi.ScheduleProvider;
import dev.backprop.optim.schedule.ExponentialDecaySchedule;

/** Provides {@link ExponentialDecaySchedule} under its name. */
public final class ExponentialDecayProvider implements ScheduleProvider {

    /** A stateless provider. */
    public ExponentialDecayProvider() {}

    @Override
    public String name() {
        return ExponentialDecaySchedule.NAME;
    }

    @Override
    public String description() {
        return "The rate times gamma to the power of the epoch or step count.";
    }

    @Override
    public Schedule create(Config config) {
        return new ExponentialDecaySchedule(config);
    }
}
