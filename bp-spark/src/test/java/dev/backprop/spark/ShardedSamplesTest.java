package dev.backprop.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalSpark.class)
class ShardedSamplesTest {

    private static JavaSparkContext sc;

    @BeforeAll
    static void start(JavaSparkContext context) {
        sc = context;
    }

    /** Ten samples with 2 features, sample i holding (i, −i) and target i. */
    private static List<Sample> tenSamples() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            samples.add(Sample.of(new double[] {i, -i}, i));
        }
        return samples;
    }

    @Test
    void shards_numberSamplesInRddOrder_andKeepTheirValues() {
        try (ShardedSamples data = ShardedSamples.of(sc.parallelize(tenSamples(), 4))) {
            assertThat(data.size()).isEqualTo(10);
            assertThat(data.featureCount()).isEqualTo(2);
            assertThat(data.targetCount()).isEqualTo(1);
            assertThat(data.partitionCount()).isEqualTo(4);
            // by hand: parallelize cuts 10 into [i·10/4, (i+1)·10/4) = [0,2) [2,5) [5,7) [7,10)
            assertThat(new int[] {data.shardSize(0), data.shardSize(1), data.shardSize(2), data.shardSize(3)})
                    .containsExactly(2, 3, 2, 3);
            List<Shard> shards = data.shards().collect();
            Shard third = shards.get(2);
            assertThat(third.partition()).isEqualTo(2);
            assertThat(new int[] {third.sampleIndex(0), third.sampleIndex(1)}).containsExactly(5, 6);
            assertThat(third.features()).containsExactly(5, -5, 6, -6);
            assertThat(third.targets()).containsExactly(5, 6);
        }
    }

    @Test
    void sampleWithTooFewFeatures_failsNamingPartitionAndRow() {
        List<Sample> samples = new ArrayList<>(tenSamples());
        // sample 6 is row 1 of partition 2 = [5, 7)
        samples.set(6, Sample.of(new double[] {1, 2, 3}, 6));
        assertThatThrownBy(() -> ShardedSamples.of(sc.parallelize(samples, 4)))
                .isInstanceOf(InvalidSampleException.class)
                .hasMessageContaining(
                        "Sample 6 of the RDD (partition 2, row 1) has 3 features but the first sample " + "has 2")
                .satisfies(e -> {
                    assertThat(((InvalidSampleException) e).partition()).isEqualTo(2);
                    assertThat(((InvalidSampleException) e).row()).isEqualTo(1);
                });
    }

    @Test
    void sampleWithWrongTargetCountOrNaN_failsNamingPartitionRowAndValue() {
        List<Sample> wrongTargets = new ArrayList<>(tenSamples());
        // sample 9 is row 2 of partition 3 = [7, 10)
        wrongTargets.set(9, Sample.of(new double[] {9, -9}, 9, 1));
        assertThatThrownBy(() -> ShardedSamples.of(sc.parallelize(wrongTargets, 4)))
                .isInstanceOf(InvalidSampleException.class)
                .hasMessageContaining("(partition 3, row 2) has 2 targets but the first sample has 1");
        List<Sample> nan = new ArrayList<>(tenSamples());
        // sample 3 is row 1 of partition 1 = [2, 5)
        nan.set(3, Sample.of(new double[] {3, Double.NaN}, 3));
        assertThatThrownBy(() -> ShardedSamples.of(sc.parallelize(nan, 4)))
                .isInstanceOf(InvalidSampleException.class)
                .hasMessageContaining("Sample 3 of the RDD (partition 1, row 1): feature 1 is NaN");
    }

    @Test
    void emptyRdd_isRefused() {
        assertThatThrownBy(() -> ShardedSamples.of(sc.parallelize(List.<Sample>of(), 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no samples");
    }
}
