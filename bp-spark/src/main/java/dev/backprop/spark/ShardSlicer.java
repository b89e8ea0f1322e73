package dev.backprop.spark;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/** Cuts partition p's shard from the broadcast {@link PackedSamples}; the partition's own elements are ignored. */
final class ShardSlicer implements Function2<Integer, Iterator<Integer>, Iterator<Shard>> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<PackedSamples> samples;
    private final int partitions;

    ShardSlicer(Broadcast<PackedSamples> samples, int partitions) {
        this.samples = samples;
        this.partitions = partitions;
    }

    @Override
    public Iterator<Shard> call(Integer partition, Iterator<Integer> ignored) {
        return List.of(samples.value().shard(partition, partitions)).iterator();
    }
}
