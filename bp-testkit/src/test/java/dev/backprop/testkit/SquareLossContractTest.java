package dev.backprop.testkit;

import dev.backprop.core.spi.LossProvider;

/** The abstract loss contract, extended the way a plug-in author extends it. */
class SquareLossContractTest extends LossContract {

    @Override
    protected LossProvider provider() {
        return new SquareLossProvider();
    }

    @Override
    protected TargetGenerator targets() {
        return TargetGenerator.real();
    }
}
