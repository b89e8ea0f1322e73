package dev.backprop.optim.schedule;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Schedule;
import dev.backprop.core.spi.ScheduleProvider;
import java.util.Objects;

/**
 * The typed parameter every built-in schedule shares (the linear warm-up), for the builders of {@link Schedules}.
 * Each method checks its value at once, by the rules of the named provider, so a bad value fails at the call
 * that gives it with the message the name would give; {@link #build()} creates exactly what the named provider
 * creates from the same parameters.
 *
 * @param <B> the concrete builder, returned by each method for chaining
 */
public abstract class ScheduleBuilder<B extends ScheduleBuilder<B>> {

    private final ScheduleProvider provider;
    private Config config = Config.empty();

    ScheduleBuilder(ScheduleProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** This builder, as its concrete type. */
    abstract B self();

    /** Sets one parameter and checks the whole configuration with the provider. */
    final B set(String key, Object value) {
        Config next = config.with(key, value);
        provider.create(next);
        config = next;
        return self();
    }

    /**
     * The length W of the linear warm-up in steps ({@code warmup-steps}): the rate is multiplied by
     * min(1, (step + 1) / W). 0, the default, turns it off.
     *
     * @throws IllegalArgumentException if W is negative
     */
    public B warmupSteps(long steps) {
        return set(AbstractSchedule.WARMUP_STEPS, steps);
    }

    /** The schedule: what the named provider creates from the parameters given. */
    public Schedule build() {
        return provider.create(config);
    }
}
