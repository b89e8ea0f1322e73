package dev.backprop.core.train;

/**
 * The outcome of {@link Trainer#fit} or {@link Trainer#resume}.
 *
 * @param history      the epochs, including those before a resume
 * @param stoppedEarly whether early stopping or a listener ended training before the last epoch
 * @param stopReason   why, or empty
 * @param bestEpoch    early stopping's best epoch (from 0), or −1 without early stopping
 * @param finalState   the state after the last epoch, from which {@link Trainer#resume} could continue
 */
public record TrainingResult(
        History history, boolean stoppedEarly, String stopReason, int bestEpoch, TrainingState finalState) {}
