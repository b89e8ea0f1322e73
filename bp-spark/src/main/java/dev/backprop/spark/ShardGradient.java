package dev.backprop.spark;

import java.io.Serializable;

/**
 * What one partition returns for one global batch: how many of the batch's samples it held, the loss of those
 * samples and its gradient, as the ordinary engine computed them on that shard alone.
 *
 * @param partition the partition
 * @param rows      m_s, the partition's samples in the batch, at least 1
 * @param loss      L_s, the loss of those samples as the loss reduces them
 * @param gradient  g_s = ∇L_s, flat in {@link ParameterVector} order
 */
@SuppressWarnings("ArrayRecordComponent") // a message between Spark tasks; never compared with equals
record ShardGradient(int partition, int rows, double loss, double[] gradient) implements Serializable {}
