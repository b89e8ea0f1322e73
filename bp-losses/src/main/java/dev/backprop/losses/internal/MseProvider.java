package dev.backprop.losses.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.Mse;
import dev.backprop.losses.Reduction;
import java.util.List;
import java.util.Set;

/** Creates {@link Mse}; parameter {@code reduction}: {@code mean} (default), {@code sum} or {@code none}. */
public final class MseProvider implements LossProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public MseProvider() {}

    @Override
    public String name() {
        return Mse.NAME;
    }

    @Override
    public String description() {
        return "mean squared error (y - t)^2, reduction=mean (over all entries), sum or none";
    }

    @Override
    public Loss create(Config config) {
        config.requireOnly("loss '" + Mse.NAME + "'", Set.of(Reduction.PARAMETER));
        return new Mse(Reduction.parse(Mse.NAME, config.getString(Reduction.PARAMETER, "mean")));
    }

    /** {@code reduction=none}, which the conformance kit does not derive itself ({@code sum} it does). */
    @Override
    public List<Config> sampleConfigs() {
        return List.of(Config.of(Reduction.PARAMETER, Reduction.NONE.configName()));
    }
}
