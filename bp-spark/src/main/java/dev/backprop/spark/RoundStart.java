package dev.backprop.spark;

import java.io.Serializable;

/**
 * What the driver broadcasts at the start of a parameter-averaging round.
 *
 * @param firstBatch the round's first global batch within the epoch
 * @param firstStep  the global step of that batch
 * @param rates      the learning rate of each of the round's steps, from the schedule
 * @param weights    the averaged weights, flat in {@link ParameterVector} order
 * @param optimizer  for an epoch's first round, the averaged optimizer state (empty before the first round of a
 *                   fresh run); empty for later rounds, where each partition continues from its own state
 */
@SuppressWarnings("ArrayRecordComponent") // a message between Spark tasks; never compared with equals
record RoundStart(int firstBatch, long firstStep, double[] rates, double[] weights, OptimizerState optimizer)
        implements Serializable {}
