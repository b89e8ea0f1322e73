package dev.backprop.optim.schedule.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Schedule;
import dev.backprop.core.spi.ScheduleProvider;
import dev.backprop.optim.schedule.ConstantSchedule;

/** Provides {@link ConstantSchedule} under its name. */
public final class ConstantProvider implements ScheduleProvider {

    /** A stateless provider. */
    public ConstantProvider() {}

    @Override
    public String name() {
        return ConstantSchedule.NAME;
    }

    @Override
    public String description() {
        return "The optimizer's learning rate unchanged (after an optional linear warm-up).";
    }

    @Override
    public Schedule create(Config config) {
        return new ConstantSchedule(config);
    }
}
