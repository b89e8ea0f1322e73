package dev.backprop.losses;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;

/** The name and configuration every loss carries. */
abstract class AbstractLoss implements Loss {

    private final String name;
    private final Config config;

    AbstractLoss(String name, Config config) {
        this.name = name;
        this.config = config;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Config config() {
        return config;
    }

    /** The name and parameters, e.g. {@code mse(reduction=mean)}. */
    @Override
    public String toString() {
        return spec().toString();
    }
}
