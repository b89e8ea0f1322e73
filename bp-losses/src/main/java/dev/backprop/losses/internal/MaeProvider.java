package dev.backprop.losses.internal;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.Mae;
import dev.backprop.losses.Reduction;
import java.util.List;
import java.util.Set;

/** Creates {@link Mae}; parameter {@code reduction}: {@code mean} (default), {@code sum} or {@code none}. */
public final class MaeProvider implements LossProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public MaeProvider() {}

    @Override
    public String name() {
        return Mae.NAME;
    }

    @Override
    public String description() {
        return "mean absolute error |y - t|, reduction=mean (over all entries), sum or none";
    }

    @Override
    public Loss create(Config config) {
        config.requireOnly("loss '" + Mae.NAME + "'", Set.of(Reduction.PARAMETER));
        return new Mae(Reduction.parse(Mae.NAME, config.getString(Reduction.PARAMETER, "mean")));
    }

    /** {@code reduction=none}, which the conformance kit does not derive itself ({@code sum} it does). */
    @Override
    public List<Config> sampleConfigs() {
        return List.of(Config.of(Reduction.PARAMETER, Reduction.NONE.configName()));
    }
}
