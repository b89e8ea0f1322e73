package dev.backprop.core.train;

import dev.backprop.core.network.Network;
import dev.backprop.core.spi.ComponentSpec;
import java.util.Optional;

/**
 * A checkpoint read back: the network with the weights it had, the components the run used, and the state
 * {@link Trainer#resume} continues from.
 *
 * @param network   the network, weights restored
 * @param loss      the loss the run minimised
 * @param optimizer the optimizer's name and parameters
 * @param schedule  the schedule's name and parameters, if the run had one
 * @param state     the training state
 */
public record Checkpoint(
        Network network,
        ComponentSpec loss,
        ComponentSpec optimizer,
        Optional<ComponentSpec> schedule,
        TrainingState state) {}
