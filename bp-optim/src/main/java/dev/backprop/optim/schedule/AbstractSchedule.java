package dev.backprop.optim.schedule;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Schedule;
import dev.backprop.optim.HyperParameters;
import java.util.HashSet;
import java.util.Set;

/**
 * What the built-in schedules share: the optional linear warm-up and the checks of {@link #rate}.
 *
 * <p>Every built-in schedule accepts {@code warmup-steps} W (default 0, no warm-up). During the first W
 * optimisation steps the schedule's rate is multiplied by a factor rising linearly to 1:
 * <pre>
 *   rate(step) = decayed(step) · min(1, (step + 1) / W)
 * </pre>
 * so step 0 uses {@code 1/W} of the rate and step W − 1 the full rate. The decay itself is not delayed by
 * the warm-up; the product is what PyTorch's {@code ChainedScheduler} of
 * {@code LinearLR(start_factor=1/W, total_iters=W−1)} and the other scheduler gives. Written as one name
 * plus flat parameters, e.g. {@code cosine(t-max=1000,unit=step,warmup-steps=100)}.
 */
public abstract class AbstractSchedule implements Schedule {

    /** The key of the warm-up length W in steps. */
    public static final String WARMUP_STEPS = "warmup-steps";

    private final String name;
    private final long warmupSteps;

    /**
     * Reads {@code warmup-steps} and refuses unknown keys.
     *
     * @param name    the registered name
     * @param config  the configuration
     * @param ownKeys the keys the subclass reads besides {@code warmup-steps}
     * @throws IllegalArgumentException for an unknown key or a negative warm-up
     */
    protected AbstractSchedule(String name, Config config, Set<String> ownKeys) {
        this.name = name;
        Set<String> known = new HashSet<>(ownKeys);
        known.add(WARMUP_STEPS);
        config.requireOnly("schedule '" + name + "'", known);
        long w;
        try {
            w = config.getLong(WARMUP_STEPS, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        if (w < 0) {
            throw new IllegalArgumentException(name + " " + WARMUP_STEPS + " must be >= 0, got " + w);
        }
        this.warmupSteps = w;
    }

    @Override
    public final String name() {
        return name;
    }

    /** Every parameter, defaults included: the subclass's own ({@link #ownConfig()}), then the warm-up. */
    @Override
    public final Config config() {
        return ownConfig().with(WARMUP_STEPS, warmupSteps);
    }

    /** The subclass's own parameters with their values, defaults included. */
    protected abstract Config ownConfig();

    /** The warm-up length W in steps, 0 for none. */
    public final long warmupSteps() {
        return warmupSteps;
    }

    /**
     * The schedule's rate times the warm-up factor {@code min(1, (step + 1) / W)}.
     *
     * @throws IllegalArgumentException for a negative or non-finite base rate, or a negative step or epoch
     */
    @Override
    public final double rate(double baseRate, long step, int epoch) {
        HyperParameters.nonNegative(name, "base rate", baseRate);
        if (step < 0 || epoch < 0) {
            throw new IllegalArgumentException(
                    name + " needs step >= 0 and epoch >= 0, got step=" + step + ", epoch=" + epoch);
        }
        double rate = decayed(baseRate, step, epoch);
        if (step < warmupSteps) {
            // rate = rate · (step + 1) / W
            rate *= (step + 1.0) / warmupSteps;
        }
        return rate;
    }

    /**
     * The rate without warm-up.
     *
     * @param baseRate the optimizer's configured rate, finite and {@code ≥ 0}
     * @param step     optimisation steps taken before this one, {@code ≥ 0}
     * @param epoch    the current epoch, {@code ≥ 0}
     */
    protected abstract double decayed(double baseRate, long step, int epoch);

    /** The name and parameters, e.g. {@code cosine(t-max=100,...)}. */
    @Override
    public String toString() {
        return spec().toString();
    }
}
