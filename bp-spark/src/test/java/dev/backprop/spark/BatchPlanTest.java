package dev.backprop.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.data.Batch;
import dev.backprop.data.TabularDataset;
import dev.backprop.data.batching.ShuffledBatches;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchPlanTest {

    /**
     * The reference is ShuffledBatches over a data set whose only feature is the sample's index, so its batch b
     * lists the indices of batch b in batch order. The shards split the same n samples into consecutive ranges.
     */
    @ParameterizedTest
    @CsvSource({
        "23, 5, true, false, 3",
        "23, 5, true, true, 2",
        "23, 5, false, false, 4",
        "7, 10, true, false, 1",
        "40, 8, true, false, 5"
    })
    void shardsTogether_giveTheBatchesOfShuffledBatches_inBatchOrder(
            int n, int batchSize, boolean shuffle, boolean dropLast, int shards) {
        DMatrixRMaj index = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            index.data[i] = i;
        }
        ShuffledBatches reference = ShuffledBatches.builder(new TabularDataset(index, index.copy()))
                .batchSize(batchSize)
                .seed(99)
                .shuffle(shuffle)
                .dropLast(dropLast)
                .build();
        BatchPlan plan = new BatchPlan(batchSize, 99, shuffle, dropLast);
        Shard[] parts = split(n, shards);
        for (int epoch = 0; epoch < 3; epoch++) {
            int batches = reference.beginEpoch(epoch);
            EpochPlan epochPlan = plan.epoch(epoch, n);
            assertThat(epochPlan.batchCount()).isEqualTo(batches);
            for (int b = 0; b < batches; b++) {
                Batch expected = reference.batch(b);
                int[] fromShards = new int[0];
                for (Shard shard : parts) {
                    int[] rows = new int[batchSize];
                    int m = epochPlan.rowsInBatch(shard, b, rows);
                    for (int r = 0; r < m; r++) {
                        fromShards = Arrays.copyOf(fromShards, fromShards.length + 1);
                        fromShards[fromShards.length - 1] = shard.sampleIndex(rows[r]);
                    }
                }
                int[] expectedIndices = new int[expected.size()];
                for (int r = 0; r < expected.size(); r++) {
                    expectedIndices[r] = (int) expected.features().get(r, 0);
                }
                // the same samples; within each shard in batch order
                assertThat(fromShards).containsExactlyInAnyOrder(expectedIndices);
                for (Shard shard : parts) {
                    int[] rows = new int[batchSize];
                    int m = epochPlan.rowsInBatch(shard, b, rows);
                    int[] ofShard = new int[m];
                    for (int r = 0; r < m; r++) {
                        ofShard[r] = shard.sampleIndex(rows[r]);
                    }
                    assertThat(ofShard)
                            .isEqualTo(Arrays.stream(expectedIndices)
                                    .filter(i -> i >= shard.sampleIndex(0) && i <= shard.sampleIndex(shard.rows() - 1))
                                    .toArray());
                }
            }
        }
    }

    /** n samples in consecutive ranges, as parallelize cuts a list; the feature is the sample index. */
    private static Shard[] split(int n, int count) {
        Shard[] shards = new Shard[count];
        for (int s = 0; s < count; s++) {
            int from = (int) ((long) s * n / count);
            int to = (int) ((long) (s + 1) * n / count);
            int[] index = new int[to - from];
            double[] values = new double[to - from];
            for (int i = from; i < to; i++) {
                index[i - from] = i;
                values[i - from] = i;
            }
            shards[s] = new Shard(s, to - from, 1, 1, index, values, values.clone());
        }
        return shards;
    }
}
