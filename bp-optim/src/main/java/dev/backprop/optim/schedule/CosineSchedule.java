package dev.backprop.optim.schedule;

import dev.backprop.core.spi.Config;
import dev.backprop.optim.HyperParameters;
import java.util.Set;

/**
 * Cosine annealing (Loshchilov and Hutter, "SGDR: stochastic gradient descent with warm restarts", ICLR
 * 2017, eq. 5, without restarts; PyTorch's {@code CosineAnnealingLR} in closed form) from the base rate down
 * to a minimum over T epochs (or steps), then held at the minimum:
 * <pre>
 *   rate = η_min + (η₀ − η_min) · (1 + cos(π · min(n, T) / T)) / 2      with n the epoch (or step) count
 * </pre>
 * Parameters: {@code t-max} T ≥ 1 (default 100), {@code min-rate} η_min ≥ 0 (default 0), {@code unit}
 * {@code epoch} or {@code step} (default epoch), {@code warmup-steps}.
 */
public final class CosineSchedule extends AbstractSchedule {

    /** The registered name. */
    public static final String NAME = "cosine";
    /** The key of T. */
    public static final String T_MAX = "t-max";
    /** The key of η_min. */
    public static final String MIN_RATE = "min-rate";

    private final long tMax;
    private final double minRate;
    private final ScheduleUnit unit;

    /**
     * Creates the schedule.
     *
     * @throws IllegalArgumentException for an unknown key or an invalid value, naming both
     */
    public CosineSchedule(Config config) {
        super(NAME, config, Set.of(T_MAX, MIN_RATE, ScheduleUnit.KEY));
        this.tMax = HyperParameters.atLeast(NAME, T_MAX, HyperParameters.getInt(NAME, config, T_MAX, 100), 1);
        this.minRate =
                HyperParameters.nonNegative(NAME, MIN_RATE, HyperParameters.getDouble(NAME, config, MIN_RATE, 0));
        this.unit = ScheduleUnit.parse(NAME, config.getString(ScheduleUnit.KEY, "epoch"));
    }

    @Override
    protected Config ownConfig() {
        return Config.of(T_MAX, tMax, MIN_RATE, minRate, ScheduleUnit.KEY, unit);
    }

    @Override
    protected double decayed(double baseRate, long step, int epoch) {
        long n = Math.min(unit.count(step, epoch), tMax);
        // rate = η_min + (η₀ − η_min) · (1 + cos(π·n/T)) / 2
        return minRate + (baseRate - minRate) * (1 + Math.cos(Math.PI * n / tMax)) / 2;
    }
}
