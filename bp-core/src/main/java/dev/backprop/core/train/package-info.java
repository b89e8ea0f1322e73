/**
 * The training loop: {@link dev.backprop.core.train.Trainer} with its history, listeners, early stopping,
 * non-finite guard and checkpoints.
 */
package dev.backprop.core.train;
