package dev.backprop.spark;

import java.io.Serializable;

/**
 * What one partition returns after a parameter-averaging round: its weights and optimizer state after its local
 * steps, and what it trained on.
 *
 * @param partition the partition
 * @param rows      the samples it trained on in the round, n_p, at least 1
 * @param steps     the local optimizer steps it took (a step is skipped when it holds no sample of a batch)
 * @param lossSum   Σ over its steps of (batch loss · batch samples)
 * @param weights   its parameters after the round, flat in {@link ParameterVector} order
 * @param optimizer its optimizer's state after the round
 */
record ShardUpdate(int partition, int rows, int steps, double lossSum, double[] weights, OptimizerState optimizer)
        implements Serializable {}
