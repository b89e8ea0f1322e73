package dev.backprop.spark;

import java.io.Serializable;

/**
 * The weighted loss and gradient of some consecutive partitions' shares of one global batch: a node of the
 * {@link GradientTree}. A leaf is one partition's {@code w_s L_s} and {@code w_s g_s}; an inner node is the sum of
 * its children, added in the order of their node numbers.
 *
 * @param node     the node's number at its level: at the leaves the partition, above them the parent's number
 * @param rows     the batch samples the covered partitions held, at least 1
 * @param loss     Σ w_s L_s over the covered partitions
 * @param gradient Σ w_s g_s over the covered partitions, flat in {@link ParameterVector} order
 */
@SuppressWarnings("ArrayRecordComponent") // a message between Spark tasks; never compared with equals
record PartialSum(int node, int rows, double loss, double[] gradient) implements Serializable {

    /** A leaf: {@code w · L_s} and {@code w · g_s} of one partition's result. */
    static PartialSum leaf(ShardGradient part, double weight) {
        double[] g = part.gradient();
        double[] scaled = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            // w_s g_s
            scaled[i] = weight * g[i];
        }
        return new PartialSum(part.partition(), part.rows(), weight * part.loss(), scaled);
    }
}
