package dev.backprop.optim;

import dev.backprop.core.spi.Config;

/**
 * Reads and checks the hyper-parameters of optimizers and schedules. Every check throws an
 * {@link IllegalArgumentException} whose message names the component, the parameter and the value, e.g.
 * {@code adam beta1 must be in [0, 1), got 1.5}. Plug-in authors may use it for their own components.
 */
public final class HyperParameters {

    private HyperParameters() {}

    /**
     * A finite number {@code ≥ 0}, such as a learning rate or a penalty.
     *
     * @param component the component's name, e.g. {@code adam}
     * @param key       the parameter's name, e.g. {@code lr}
     * @param value     the value to check
     * @return the value
     */
    public static double nonNegative(String component, String key, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(component + " " + key + " must be finite and >= 0, got " + value);
        }
        return value;
    }

    /** A finite number {@code > 0}, such as eps; arguments as in {@link #nonNegative}. */
    public static double positive(String component, String key, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(component + " " + key + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** A number in {@code [0, 1)}, such as a decay rate β; arguments as in {@link #nonNegative}. */
    public static double inUnitInterval(String component, String key, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(component + " " + key + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /** A number in {@code (0, 1)}, such as a reduction factor; arguments as in {@link #nonNegative}. */
    public static double inOpenUnitInterval(String component, String key, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(component + " " + key + " must be in (0, 1), got " + value);
        }
        return value;
    }

    /** A number in {@code (0, 1]}, such as a decay factor per epoch; arguments as in {@link #nonNegative}. */
    public static double inHalfOpenUnitInterval(String component, String key, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(component + " " + key + " must be in (0, 1], got " + value);
        }
        return value;
    }

    /** A finite number {@code > 1}, such as Rprop's η+; arguments as in {@link #nonNegative}. */
    public static double greaterThanOne(String component, String key, double value) {
        if (!(value > 1) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(component + " " + key + " must be finite and > 1, got " + value);
        }
        return value;
    }

    /** An integer {@code ≥ minimum}; arguments as in {@link #nonNegative}. */
    public static int atLeast(String component, String key, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(component + " " + key + " must be >= " + minimum + ", got " + value);
        }
        return value;
    }

    /**
     * A real parameter of a configuration, the default when absent; a value that is not a number is refused
     * with a message naming the component.
     */
    public static double getDouble(String component, Config config, String key, double defaultValue) {
        try {
            return config.getDouble(key, defaultValue);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(component + ": " + e.getMessage(), e);
        }
    }

    /** An integer parameter of a configuration, as {@link #getDouble}. */
    public static int getInt(String component, Config config, String key, int defaultValue) {
        try {
            return config.getInt(key, defaultValue);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(component + ": " + e.getMessage(), e);
        }
    }

    /** A boolean parameter of a configuration, as {@link #getDouble}. */
    public static boolean getBoolean(String component, Config config, String key, boolean defaultValue) {
        try {
            return config.getBoolean(key, defaultValue);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(component + ": " + e.getMessage(), e);
        }
    }
}
