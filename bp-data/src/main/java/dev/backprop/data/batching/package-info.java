/**
 * Minibatches for training: {@link dev.backprop.data.batching.ShuffledBatches} implements core's
 * {@link dev.backprop.core.data.BatchSource} over any {@link dev.backprop.core.data.Dataset}, with a seeded
 * order per epoch and buffers allocated once.
 */
package dev.backprop.data.batching;
