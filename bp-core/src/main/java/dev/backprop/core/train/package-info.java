/**
 * The training loop: {@link dev.backprop.core.train.EpochLoop}, with its history, listeners, early stopping,
 * non-finite guard and checkpoints, runs the {@link dev.backprop.core.train.EpochSteps} of
 * {@link dev.backprop.core.train.Trainer} (minibatch gradients) and of other trainers such as parameter averaging.
 */
package dev.backprop.core.train;
