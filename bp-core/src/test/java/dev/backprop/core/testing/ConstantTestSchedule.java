package dev.backprop.core.testing;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Schedule;

/**
 * The schedule {@code test-constant}: the base rate at every step, with no state; a test overrides the calls it
 * records or checks.
 */
public class ConstantTestSchedule implements Schedule {

    @Override
    public String name() {
        return "test-constant";
    }

    @Override
    public Config config() {
        return Config.of();
    }

    @Override
    public double rate(double baseRate, long step, int epoch) {
        return baseRate;
    }
}
