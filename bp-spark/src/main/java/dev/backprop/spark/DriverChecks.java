package dev.backprop.spark;

import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.Optimizer;

/**
 * Checks on the driver, before the first job, that executors will be able to rebuild the training run by name:
 * the network's activations, the loss and the optimizer must each be registered under the name their
 * {@code spec()} gives, since an executor creates them from its own registries and never receives objects.
 */
final class DriverChecks {

    private DriverChecks() {}

    /**
     * The setup to broadcast for a network, a loss and optionally an optimizer.
     *
     * @param registries the registries to check against, or null for {@link Registries#discover()}
     * @throws IllegalArgumentException naming the component that cannot be created by name, and why
     */
    static TrainingSetup setup(
            Network network, Loss loss, Optimizer optimizer, Reduction reduction, Registries registries) {
        Registries r = registries != null ? registries : Registries.discover();
        NetworkBlueprint blueprint = NetworkBlueprint.of(network.spec());
        try {
            blueprint.build(r);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "The network's activations must be registered by name, since each "
                            + "executor rebuilds the network from their names: " + e.getMessage(),
                    e);
        }
        ComponentForm lossForm = ComponentForm.of(loss.spec());
        try {
            r.losses().create(lossForm.spec());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "The loss '" + lossForm + "' must be registered by name, since each "
                            + "executor creates it from its name: " + e.getMessage(),
                    e);
        }
        ComponentForm optimizerForm = null;
        if (optimizer != null) {
            optimizerForm = ComponentForm.of(optimizer.spec());
            try {
                r.optimizers().create(optimizerForm.spec());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "The optimizer '" + optimizerForm + "' must be registered by name, "
                                + "since each executor creates it from its name: " + e.getMessage(),
                        e);
            }
        }
        return new TrainingSetup(blueprint, lossForm, optimizerForm, reduction);
    }
}
