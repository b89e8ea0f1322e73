package dev.backprop.optim.schedule.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Schedule;
import dev.backprop.core.spi.ScheduleProvider;
import dev.backprop.optim.schedule.StepDecaySchedule;

/** Provides {@link StepDecaySchedule} under its name. */
public final class StepDecayProvider implements ScheduleProvider {

    /** A stateless provider. */
    public StepDecayProvider() {}

    @Override
    public String name() {
        return StepDecaySchedule.NAME;
    }

    @Override
    public String description() {
        return "The rate times gamma every step-size epochs or steps.";
    }

    @Override
    public Schedule create(Config config) {
        return new StepDecaySchedule(config);
    }
}
