package dev.backprop.optim.schedule;

import dev.backprop.core.spi.Config;
import java.util.Set;

/**
 * The optimizer's rate unchanged, {@code rate = η₀}, after the optional warm-up of {@link AbstractSchedule}.
 * Parameters: {@code warmup-steps}.
 */
public final class ConstantSchedule extends AbstractSchedule {

    /** The registered name. */
    public static final String NAME = "constant";

    /**
     * Creates the schedule.
     *
     * @throws IllegalArgumentException for an unknown key or an invalid value, naming both
     */
    public ConstantSchedule(Config config) {
        super(NAME, config, Set.of());
    }

    @Override
    protected Config ownConfig() {
        return Config.empty();
    }

    @Override
    protected double decayed(double baseRate, long step, int epoch) {
        // rate = η₀
        return baseRate;
    }
}
