package dev.backprop.core.train;

import dev.backprop.core.network.Network;

/** Decides when to write a checkpoint during training, and writes it. */
public interface CheckpointWriter {

    /**
     * Whether to write a checkpoint now.
     *
     * @param epochsDone  epochs completed so far
     * @param totalEpochs epochs the run was asked for
     */
    boolean due(int epochsDone, int totalEpochs);

    /**
     * Writes the network's weights, the trainer's components and the training state. A failure to write stops training with an
     * {@link java.io.UncheckedIOException}, so a run never goes on believing it is protected.
     */
    void write(Network network, Trainer trainer, TrainingState state);
}
