package dev.backprop.activations.internal;

import dev.backprop.activations.Gelu;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Creates {@link Gelu}; parameter {@code approximate}: {@code none} (default) or {@code tanh}. */
public final class GeluProvider implements ActivationProvider {

    /** The provider, for {@link java.util.ServiceLoader}. */
    public GeluProvider() {}

    @Override
    public String name() {
        return Gelu.NAME;
    }

    @Override
    public String description() {
        return "Gaussian error linear unit z * Phi(z); approximate=tanh for the tanh approximation";
    }

    @Override
    public Activation create(Config config) {
        config.requireOnly("activation '" + Gelu.NAME + "'", Set.of(Gelu.APPROXIMATE));
        String form = config.getString(Gelu.APPROXIMATE, Gelu.EXACT).strip().toLowerCase(Locale.ROOT);
        if (!form.equals(Gelu.EXACT) && !form.equals(Gelu.TANH)) {
            throw new IllegalArgumentException(Gelu.NAME + " " + Gelu.APPROXIMATE + " must be '" + Gelu.EXACT + "' or '"
                    + Gelu.TANH + "', got '" + config.getString(Gelu.APPROXIMATE, "") + "'");
        }
        return new Gelu(form.equals(Gelu.TANH));
    }

    /** The tanh approximation, a value of a text parameter the conformance kit cannot derive itself. */
    @Override
    public List<Config> sampleConfigs() {
        return List.of(Config.of(Gelu.APPROXIMATE, Gelu.TANH));
    }
}
