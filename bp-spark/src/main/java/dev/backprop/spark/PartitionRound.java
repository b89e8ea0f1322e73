package dev.backprop.spark;

import java.io.Serializable;

/**
 * One partition after a parameter-averaging round: what it trained on, its weights, and its optimizer state,
 * which stays on the partition (cached with the round) for the next round of the epoch and reaches the driver
 * only at the epoch's end.
 *
 * @param partition   the partition
 * @param rows        n_p, the samples it trained on in the round; 0 when it held none of the round's batches
 * @param steps       the local optimizer steps it took (a step is skipped when it holds no sample of a batch)
 * @param lossSum     Σ over its steps of (batch loss · batch samples)
 * @param weights     its parameters after the round, flat in {@link ParameterVector} order; null without steps
 * @param optimizer   its optimizer's state after the round; null in the report of a round that is not the
 *                    epoch's last
 * @param epochRows   the samples it trained on from the start of the epoch to the end of this round
 */
@SuppressWarnings("ArrayRecordComponent") // a message between Spark tasks; never compared with equals
record PartitionRound(
        int partition, int rows, int steps, double lossSum, double[] weights, OptimizerState optimizer, long epochRows)
        implements Serializable {

    /** What the driver receives: this, without the optimizer state unless {@code withState}. */
    PartitionRound report(boolean withState) {
        return withState ? this : new PartitionRound(partition, rows, steps, lossSum, weights, null, epochRows);
    }
}
