package dev.backprop.spark;

import dev.backprop.core.data.Dataset;
import java.io.Serializable;
import org.ejml.data.DMatrixRMaj;

/**
 * A whole in-memory data set as two row-major arrays, broadcast once so that each partition can cut its shard
 * from it. (An RDD made by {@code parallelize} would instead hold the samples in its partitions, and Spark
 * serializes a task's partition into every task of every job: one copy of the data per step.)
 */
final class PackedSamples implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int size;
    private final int featureCount;
    private final int targetCount;
    private final double[] features;
    private final double[] targets;

    private PackedSamples(int size, int featureCount, int targetCount, double[] features, double[] targets) {
        this.size = size;
        this.featureCount = featureCount;
        this.targetCount = targetCount;
        this.features = features;
        this.targets = targets;
    }

    /**
     * Packs a data set, checking that every value is finite.
     *
     * @throws InvalidSampleException naming the sample and the value that is not finite
     */
    static PackedSamples of(Dataset data) {
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        DMatrixRMaj t = new DMatrixRMaj(1, 1);
        data.copyRows(order, 0, n, x, t);
        PackedSamples packed = new PackedSamples(n, data.featureCount(), data.targetCount(), x.data, t.data);
        packed.requireFinite(x.data, data.featureCount(), "feature");
        packed.requireFinite(t.data, data.targetCount(), "target");
        return packed;
    }

    private void requireFinite(double[] values, int columns, String what) {
        for (int i = 0; i < size * columns; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidSampleException(
                        -1,
                        i / columns,
                        "Sample " + i / columns + " of the data set: " + what + " " + i % columns + " is " + values[i]
                                + "; samples must hold finite values",
                        null);
            }
        }
    }

    int size() {
        return size;
    }

    int featureCount() {
        return featureCount;
    }

    int targetCount() {
        return targetCount;
    }

    /**
     * Partition p of {@code partitions}: samples {@code [p·n/P, (p+1)·n/P)}, as {@code parallelize} cuts a list.
     */
    Shard shard(int partition, int partitions) {
        int from = (int) ((long) partition * size / partitions);
        int to = (int) ((long) (partition + 1) * size / partitions);
        int rows = to - from;
        int[] index = new int[rows];
        for (int r = 0; r < rows; r++) {
            index[r] = from + r;
        }
        double[] x = new double[rows * featureCount];
        double[] y = new double[rows * targetCount];
        System.arraycopy(features, from * featureCount, x, 0, x.length);
        System.arraycopy(targets, from * targetCount, y, 0, y.length);
        return new Shard(partition, rows, featureCount, targetCount, index, x, y);
    }
}
