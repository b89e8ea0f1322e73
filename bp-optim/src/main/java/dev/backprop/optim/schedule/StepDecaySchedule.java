package dev.backprop.optim.schedule;

import dev.backprop.core.spi.Config;
import dev.backprop.optim.HyperParameters;
import java.util.Set;

/**
 * The rate multiplied by γ every {@code step-size} epochs (or steps), as PyTorch's {@code StepLR}:
 * <pre>
 *   rate = η₀ · γ^⌊n / step-size⌋      with n the epoch (or step) count
 * </pre>
 * Parameters: {@code step-size} ≥ 1 (default 10), {@code gamma} γ in (0, 1] (default 0.1), {@code unit}
 * {@code epoch} or {@code step} (default epoch), {@code warmup-steps}.
 */
public final class StepDecaySchedule extends AbstractSchedule {

    /** The registered name. */
    public static final String NAME = "step-decay";
    /** The key of the interval between decays. */
    public static final String STEP_SIZE = "step-size";
    /** The key of γ. */
    public static final String GAMMA = "gamma";

    private final int stepSize;
    private final double gamma;
    private final ScheduleUnit unit;

    /**
     * Creates the schedule.
     *
     * @throws IllegalArgumentException for an unknown key or an invalid value, naming both
     */
    public StepDecaySchedule(Config config) {
        super(NAME, config, Set.of(STEP_SIZE, GAMMA, ScheduleUnit.KEY));
        this.stepSize =
                HyperParameters.atLeast(NAME, STEP_SIZE, HyperParameters.getInt(NAME, config, STEP_SIZE, 10), 1);
        this.gamma = HyperParameters.inHalfOpenUnitInterval(
                NAME, GAMMA, HyperParameters.getDouble(NAME, config, GAMMA, 0.1));
        this.unit = ScheduleUnit.parse(NAME, config.getString(ScheduleUnit.KEY, "epoch"));
    }

    @Override
    protected Config ownConfig() {
        return Config.of(STEP_SIZE, stepSize, GAMMA, gamma, ScheduleUnit.KEY, unit);
    }

    @Override
    protected double decayed(double baseRate, long step, int epoch) {
        // rate = η₀ · γ^⌊n / step-size⌋
        return baseRate * Math.pow(gamma, (double) Math.floorDiv(unit.count(step, epoch), stepSize));
    }
}
