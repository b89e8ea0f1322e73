package dev.backprop.spark;

import java.io.Serializable;

/**
 * The samples of one RDD partition packed into two row-major arrays, with each sample's index in the whole RDD.
 * Training reads a shard many times, so it is built once and cached: rows are contiguous and copied into a
 * minibatch with {@link System#arraycopy}.
 */
final class Shard implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int partition;
    private final int rows;
    private final int featureCount;
    private final int targetCount;
    /** sampleIndex[r] is row r's index in the RDD (its position in {@code zipWithIndex} order). */
    private final int[] sampleIndex;
    /** Row r's features are features[r·f … (r+1)·f). */
    private final double[] features;
    /** Row r's targets are targets[r·t … (r+1)·t). */
    private final double[] targets;

    Shard(
            int partition,
            int rows,
            int featureCount,
            int targetCount,
            int[] sampleIndex,
            double[] features,
            double[] targets) {
        this.partition = partition;
        this.rows = rows;
        this.featureCount = featureCount;
        this.targetCount = targetCount;
        this.sampleIndex = sampleIndex;
        this.features = features;
        this.targets = targets;
    }

    int partition() {
        return partition;
    }

    int rows() {
        return rows;
    }

    int featureCount() {
        return featureCount;
    }

    int targetCount() {
        return targetCount;
    }

    /** Row r's index in the RDD. */
    int sampleIndex(int row) {
        return sampleIndex[row];
    }

    /** Row-major features, rows × featureCount; read-only. */
    double[] features() {
        return features;
    }

    /** Row-major targets, rows × targetCount; read-only. */
    double[] targets() {
        return targets;
    }
}
