package dev.backprop.optim.schedule.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Schedule;
import dev.backprop.core.spi.ScheduleProvider;
import dev.backprop.optim.schedule.ReduceOnPlateauSchedule;

/** Provides {@link ReduceOnPlateauSchedule} under its name. */
public final class ReduceOnPlateauProvider implements ScheduleProvider {

    /** A stateless provider. */
    public ReduceOnPlateauProvider() {}

    @Override
    public String name() {
        return ReduceOnPlateauSchedule.NAME;
    }

    @Override
    public String description() {
        return "The rate times factor whenever the validation metric stops improving for patience epochs.";
    }

    @Override
    public Schedule create(Config config) {
        return new ReduceOnPlateauSchedule(config);
    }
}
