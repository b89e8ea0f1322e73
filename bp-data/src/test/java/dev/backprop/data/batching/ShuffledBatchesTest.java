package dev.backprop.data.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.data.Batch;
import dev.backprop.data.TabularDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ShuffledBatchesTest {

    /** Sample i has features (i, −i) and target 100 + i, so a batch row shows which sample it holds. */
    private static TabularDataset numbered(int n) {
        DMatrixRMaj f = new DMatrixRMaj(n, 2);
        DMatrixRMaj t = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            f.set(i, 0, i);
            f.set(i, 1, -i);
            t.set(i, 0, 100 + i);
        }
        return new TabularDataset(f, t);
    }

    /** The sample indices of one epoch, read from the batches' first feature column. */
    private static List<Integer> visit(ShuffledBatches batches, int epoch) {
        List<Integer> seen = new ArrayList<>();
        int count = batches.beginEpoch(epoch);
        for (int b = 0; b < count; b++) {
            Batch batch = batches.batch(b);
            for (int r = 0; r < batch.size(); r++) {
                seen.add((int) batch.features().get(r, 0));
            }
        }
        return seen;
    }

    @Test
    void epochOrder_seed42_matchesIndependentSplitMix64FisherYates() {
        ShuffledBatches batches =
                ShuffledBatches.builder(numbered(10)).batchSize(3).seed(42).build();
        // python: a re-implementation of SplitMix64 (Steele et al. 2014), Rng.derive's mixing, Lemire's bounded
        // integers and Fisher-Yates, written from their published definitions: shuffle(range(10)) with
        // derive(42, 0) -> [6, 1, 3, 5, 4, 9, 8, 7, 2, 0] and derive(42, 1) -> [6, 7, 2, 3, 0, 5, 4, 1, 8, 9]
        assertThat(visit(batches, 0)).containsExactly(6, 1, 3, 5, 4, 9, 8, 7, 2, 0);
        assertThat(visit(batches, 1)).containsExactly(6, 7, 2, 3, 0, 5, 4, 1, 8, 9);
    }

    @Test
    void sameSeed_twoSources_giveIdenticalBatches() {
        TabularDataset data = numbered(50);
        ShuffledBatches a = ShuffledBatches.builder(data).batchSize(7).seed(123).build();
        ShuffledBatches b = ShuffledBatches.builder(data).batchSize(7).seed(123).build();
        for (int epoch = 0; epoch < 3; epoch++) {
            assertThat(visit(a, epoch)).isEqualTo(visit(b, epoch));
        }
    }

    @Test
    void differentSeedsOrEpochs_giveDifferentOrders() {
        TabularDataset data = numbered(50);
        ShuffledBatches a = ShuffledBatches.builder(data).seed(1).build();
        ShuffledBatches b = ShuffledBatches.builder(data).seed(2).build();
        // by hand: two of the 50! orders coinciding has negligible probability
        assertThat(visit(a, 0)).isNotEqualTo(visit(b, 0));
        assertThat(visit(a, 0)).isNotEqualTo(visit(a, 1));
    }

    @Test
    void epochOrder_dependsOnlyOnSeedAndEpoch_notOnEarlierEpochs() {
        TabularDataset data = numbered(30);
        ShuffledBatches continuous =
                ShuffledBatches.builder(data).batchSize(4).seed(9).build();
        for (int epoch = 0; epoch < 3; epoch++) {
            visit(continuous, epoch);
        }
        List<Integer> third = visit(continuous, 3);
        ShuffledBatches resumed =
                ShuffledBatches.builder(data).batchSize(4).seed(9).build();
        assertThat(visit(resumed, 3)).isEqualTo(third);
    }

    @Test
    void everyEpoch_visitsEachSampleOnce() {
        ShuffledBatches batches =
                ShuffledBatches.builder(numbered(23)).batchSize(5).seed(4).build();
        List<Integer> seen = visit(batches, 2);
        seen.sort(null);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            all.add(i);
        }
        assertThat(seen).isEqualTo(all);
    }

    @Test
    void batch_keepsFeaturesAndTargetsOfASampleTogether() {
        ShuffledBatches batches =
                ShuffledBatches.builder(numbered(20)).batchSize(6).seed(5).build();
        int count = batches.beginEpoch(0);
        for (int b = 0; b < count; b++) {
            Batch batch = batches.batch(b);
            for (int r = 0; r < batch.size(); r++) {
                double i = batch.features().get(r, 0);
                // by hand: sample i has features (i, -i) and target 100 + i
                assertThat(batch.features().get(r, 1)).isEqualTo(-i);
                assertThat(batch.targets().get(r, 0)).isEqualTo(100 + i);
            }
        }
    }

    @Test
    void lastPartialBatch_keptByDefault() {
        ShuffledBatches batches =
                ShuffledBatches.builder(numbered(10)).batchSize(4).build();
        // by hand: ceil(10 / 4) = 3 batches of 4, 4, 2
        assertThat(batches.beginEpoch(0)).isEqualTo(3);
        assertThat(batches.batch(2).size()).isEqualTo(2);
    }

    @Test
    void lastPartialBatch_droppedOnRequest() {
        ShuffledBatches batches = ShuffledBatches.builder(numbered(10))
                .batchSize(4)
                .dropLast(true)
                .build();
        // by hand: floor(10 / 4) = 2 batches of 4
        assertThat(batches.beginEpoch(0)).isEqualTo(2);
        assertThat(batches.batch(1).size()).isEqualTo(4);
        assertThatThrownBy(() -> batches.batch(2))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("batch 2 is outside [0, 2)");
    }

    @Test
    void shuffleOff_visitsInIndexOrderEveryEpoch() {
        ShuffledBatches batches =
                ShuffledBatches.builder(numbered(7)).batchSize(3).shuffle(false).build();
        assertThat(visit(batches, 0)).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(visit(batches, 5)).containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void batches_reuseTheSameBuffersAcrossBatchesAndEpochs() {
        ShuffledBatches batches =
                ShuffledBatches.builder(numbered(10)).batchSize(4).seed(3).build();
        batches.beginEpoch(0);
        Batch first = batches.batch(0);
        double[] features = first.features().data;
        double[] targets = first.targets().data;
        for (int epoch = 0; epoch < 3; epoch++) {
            int count = batches.beginEpoch(epoch);
            for (int b = 0; b < count; b++) {
                Batch batch = batches.batch(b);
                assertThat(batch).isSameAs(first);
                assertThat(batch.features().data).isSameAs(features);
                assertThat(batch.targets().data).isSameAs(targets);
            }
        }
    }

    @Test
    void batch_beforeBeginEpoch_fails() {
        ShuffledBatches batches = ShuffledBatches.builder(numbered(4)).build();
        assertThatThrownBy(() -> batches.batch(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("beginEpoch");
    }

    @Test
    void build_dropLastWithBatchLargerThanData_failsNamingSizes() {
        assertThatThrownBy(() -> ShuffledBatches.builder(numbered(5))
                        .batchSize(8)
                        .dropLast(true)
                        .build())
                .hasMessageContaining("batchSize 8")
                .hasMessageContaining("5 samples");
    }

    @Test
    void batchSize_zero_failsNamingValue() {
        assertThatThrownBy(() -> ShuffledBatches.builder(numbered(5)).batchSize(0))
                .hasMessageContaining("batchSize must be at least 1, got 0");
    }

    @Test
    void epochOrder_isAPermutationCopy() {
        ShuffledBatches batches = ShuffledBatches.builder(numbered(6)).seed(11).build();
        batches.beginEpoch(0);
        int[] order = batches.epochOrder();
        order[0] = -1;
        int[] sorted = batches.epochOrder();
        Arrays.sort(sorted);
        assertThat(sorted).containsExactly(0, 1, 2, 3, 4, 5);
    }
}
