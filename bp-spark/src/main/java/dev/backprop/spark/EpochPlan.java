package dev.backprop.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One epoch's global batches, broadcast to the executors: for every sample its position in the epoch's order.
 * A task finds the rows of its shard that fall in a batch, in the order of their positions, which is the order
 * those samples have in the single-JVM batch.
 *
 * <p>Each executor sorts a shard's rows by position once per epoch and keeps the result with its copy of this
 * plan, so finding a batch's rows costs two binary searches.
 */
final class EpochPlan implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batchSize;
    private final int batchCount;
    /** position[i] is sample i's place in the epoch's order. */
    private final int[] position;

    /** Per partition, its rows as (position << 32 | row), sorted; built on first use in each JVM. */
    private transient volatile ConcurrentHashMap<Integer, long[]> shardOrders;

    EpochPlan(int epoch, int batchSize, int batchCount, int[] order) {
        this.epoch = epoch;
        this.batchSize = batchSize;
        this.batchCount = batchCount;
        this.position = new int[order.length];
        for (int p = 0; p < order.length; p++) {
            position[order[p]] = p;
        }
    }

    int epoch() {
        return epoch;
    }

    int batchCount() {
        return batchCount;
    }

    int sampleCount() {
        return position.length;
    }

    /** The first position of batch b. */
    int batchStart(int batch) {
        return batch * batchSize;
    }

    /** One past the last position of batch b. */
    int batchEnd(int batch) {
        return Math.min((batch + 1) * batchSize, position.length);
    }

    /** The number of samples in batch b. */
    int batchRows(int batch) {
        return batchEnd(batch) - batchStart(batch);
    }

    /**
     * The rows of a shard in batch b, in order of position.
     *
     * @param rows output: the rows, from index 0. Modified; must hold at least the batch's size.
     * @return how many rows were written
     */
    int rowsInBatch(Shard shard, int batch, int[] rows) {
        long[] sorted = shardOrder(shard);
        int from = lowerBound(sorted, (long) batchStart(batch) << 32);
        int to = lowerBound(sorted, (long) batchEnd(batch) << 32);
        for (int i = from; i < to; i++) {
            // the low 32 bits are the row
            rows[i - from] = (int) sorted[i];
        }
        return to - from;
    }

    private long[] shardOrder(Shard shard) {
        ConcurrentHashMap<Integer, long[]> orders = shardOrders;
        if (orders == null) {
            synchronized (this) {
                orders = shardOrders;
                if (orders == null) {
                    orders = new ConcurrentHashMap<>();
                    shardOrders = orders;
                }
            }
        }
        return orders.computeIfAbsent(shard.partition(), p -> sortByPosition(shard));
    }

    private long[] sortByPosition(Shard shard) {
        long[] keys = new long[shard.rows()];
        for (int r = 0; r < keys.length; r++) {
            // key = position · 2^32 + row: sorting keys sorts rows by position
            keys[r] = (long) position[shard.sampleIndex(r)] << 32 | r;
        }
        Arrays.sort(keys);
        return keys;
    }

    /** The first index whose key is at least {@code key}. */
    private static int lowerBound(long[] sorted, long key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
