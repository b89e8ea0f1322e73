package dev.backprop.testkit;

import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.List;

/** The abstract contract, extended the way a plug-in author extends it. */
class CubeContractTest extends ActivationContract {

    @Override
    protected ActivationProvider provider() {
        return new CubeProvider();
    }

    @Override
    protected List<Config> configs() {
        return List.of(Config.empty(), Config.of("scale", 2.5));
    }
}
