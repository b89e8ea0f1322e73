package dev.backprop.optim.schedule;

import dev.backprop.core.spi.Config;
import dev.backprop.optim.HyperParameters;
import java.util.Set;

/**
 * The rate multiplied by γ every epoch (or step), as PyTorch's {@code ExponentialLR}:
 * <pre>
 *   rate = η₀ · γⁿ      with n the epoch (or step) count
 * </pre>
 * Parameters: {@code gamma} γ in (0, 1] (default 0.95), {@code unit} {@code epoch} or {@code step} (default
 * epoch), {@code warmup-steps}.
 */
public final class ExponentialDecaySchedule extends AbstractSchedule {

    /** The registered name. */
    public static final String NAME = "exponential-decay";
    /** The key of γ. */
    public static final String GAMMA = "gamma";

    private final double gamma;
    private final ScheduleUnit unit;

    /**
     * Creates the schedule.
     *
     * @throws IllegalArgumentException for an unknown key or an invalid value, naming both
     */
    public ExponentialDecaySchedule(Config config) {
        super(NAME, config, Set.of(GAMMA, ScheduleUnit.KEY));
        this.gamma = HyperParameters.inHalfOpenUnitInterval(
                NAME, GAMMA, HyperParameters.getDouble(NAME, config, GAMMA, 0.95));
        this.unit = ScheduleUnit.parse(NAME, config.getString(ScheduleUnit.KEY, "epoch"));
    }

    @Override
    protected Config ownConfig() {
        return Config.of(GAMMA, gamma, ScheduleUnit.KEY, unit);
    }

    @Override
    protected double decayed(double baseRate, long step, int epoch) {
        // rate = η₀ · γⁿ
        return baseRate * Math.pow(gamma, (double) unit.count(step, epoch));
    }
}
