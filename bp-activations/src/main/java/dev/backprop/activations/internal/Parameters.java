package dev.backprop.activations.internal;

import dev.backprop.core.spi.Config;

/** Reading and checking the numeric parameters of activations, with messages naming the parameter and value. */
public final class Parameters {

    private Parameters() {}

    /**
     * A finite parameter that is at least 0.
     *
     * @throws IllegalArgumentException e.g. "leaky-relu alpha must be ≥ 0, got -1"
     */
    public static double nonNegative(String activation, Config config, String key, double defaultValue) {
        double value = finite(activation, config, key, defaultValue);
        if (!(value >= 0)) {
            throw new IllegalArgumentException(
                    activation + " " + key + " must be ≥ 0, got " + config.getString(key, Double.toString(value)));
        }
        return value;
    }

    /**
     * A finite parameter.
     *
     * @throws IllegalArgumentException naming the parameter and the value
     */
    public static double finite(String activation, Config config, String key, double defaultValue) {
        double value = config.getDouble(key, defaultValue);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(activation + " " + key + " must be a finite number, got "
                    + config.getString(key, Double.toString(value)));
        }
        return value;
    }
}
