package dev.backprop.spark;

import dev.backprop.core.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training data spread over a Spark cluster: the samples of an RDD, each partition packed into one cached shard,
 * every sample numbered by its position in the RDD. Sample i here is row i of the equivalent in-memory data set,
 * so a global batch order over 0 … n − 1 (the order of {@code ShuffledBatches}) means the same samples on the
 * cluster as in one JVM.
 *
 * <p>Creating the shards runs three short jobs, which check every sample: all samples must have as many features
 * and targets as the first, and only finite values; a sample that does not fails with an
 * {@link InvalidSampleException} naming its partition and row. The RDD must give the same samples in the same
 * order if Spark recomputes it (any RDD read from files or made by {@code parallelize} does; one that depends on
 * a random shuffle without a seed does not).
 *
 * <p>Spark serializes each task's partition into the task, and the partitions of an RDD made by
 * {@code JavaSparkContext.parallelize} hold their samples: every training job would ship the whole data set
 * again. For data that starts in the driver use {@link #parallelize(JavaSparkContext, Dataset, int)}, which
 * broadcasts it once; RDDs read from files have small partitions and cost nothing extra.
 *
 * <p>Training applications should set {@code spark.locality.wait} to 0: a training task takes milliseconds,
 * far less than the default wait of 3 s for the executor that caches its shard, so with the default an executor
 * that replaces a lost one never gets a task while the executors holding the shards (all of them, once the lost
 * shards have been rebuilt there) are busy. With 0 it gets tasks at once and reads their cached blocks from the
 * other executors. Creating shards logs a note when the wait is not 0.
 *
 * <p>Close it to release the cached shards.
 */
public final class ShardedSamples implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShardedSamples.class);
    private static final String LOCALITY_WAIT = "spark.locality.wait";

    private final JavaSparkContext context;
    private final JavaRDD<Shard> shards;
    private final int size;
    private final int featureCount;
    private final int targetCount;
    private final int[] shardSizes;
    /** The broadcast data set the shards are cut from, or null when they come from an RDD of samples. */
    private final Broadcast<PackedSamples> source;

    private ShardedSamples(
            JavaSparkContext context,
            JavaRDD<Shard> shards,
            int featureCount,
            int targetCount,
            int[] shardSizes,
            Broadcast<PackedSamples> source) {
        this.context = context;
        this.source = source;
        this.shards = shards;
        this.featureCount = featureCount;
        this.targetCount = targetCount;
        this.shardSizes = shardSizes;
        long n = 0;
        for (int s : shardSizes) {
            n += s;
        }
        this.size = (int) n;
    }

    /**
     * Shards an RDD of samples, cached in memory and spilled to disk when memory runs short.
     *
     * @throws IllegalArgumentException when the RDD has no samples or more than {@link Integer#MAX_VALUE}
     * @throws InvalidSampleException   naming the partition and row of a sample that does not fit
     */
    public static ShardedSamples of(JavaRDD<Sample> samples) {
        return of(samples, StorageLevel.MEMORY_AND_DISK());
    }

    /**
     * Shards an RDD of samples, cached at the given storage level.
     *
     * @throws IllegalArgumentException when the RDD has no samples or more than {@link Integer#MAX_VALUE}
     * @throws InvalidSampleException   naming the partition and row of a sample that does not fit
     */
    public static ShardedSamples of(JavaRDD<Sample> samples, StorageLevel storage) {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(storage, "storage");
        JavaSparkContext context = JavaSparkContext.fromSparkContext(samples.context());
        List<Sample> first = SparkJobs.run(context, "bp: first sample", -1, -1, () -> samples.take(1));
        if (first.isEmpty()) {
            throw new IllegalArgumentException("The RDD " + samples + " has no samples to train on");
        }
        if (first.get(0) == null) {
            throw new IllegalArgumentException("The first sample of the RDD is null");
        }
        int f = first.get(0).features().length;
        int t = first.get(0).targets().length;
        if (f == 0 || t == 0) {
            throw new IllegalArgumentException("The first sample of the RDD has " + f + " features and " + t
                    + " targets; a sample needs at least one of each");
        }
        // zipWithIndex counts the samples of every partition but the last: a job of its own
        JavaRDD<Shard> shards = SparkJobs.run(context, "bp: number the samples", -1, -1, samples::zipWithIndex)
                .mapPartitionsWithIndex(new ShardBuilder(f, t), true);
        shards.setName("bp shards of " + samples.name());
        shards.persist(storage);
        try {
            return new ShardedSamples(context, shards, f, t, sizes(context, shards), null);
        } catch (RuntimeException e) {
            shards.unpersist(false);
            throw e;
        }
    }

    /** Builds and caches the shards, checking every sample, and returns their sizes. */
    private static int[] sizes(JavaSparkContext context, JavaRDD<Shard> shards) {
        List<Integer> sizes = SparkJobs.run(
                context,
                "bp: shard and check the samples",
                -1,
                -1,
                () -> shards.map(Shard::rows).collect());
        int[] shardSizes = new int[sizes.size()];
        long total = 0;
        for (int p = 0; p < shardSizes.length; p++) {
            shardSizes[p] = sizes.get(p);
            total += shardSizes[p];
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "The RDD has " + total + " samples; bp indexes at most " + Integer.MAX_VALUE);
        }
        LOG.debug("Sharded {} samples over {} partitions", total, shardSizes.length);
        long wait = context.getConf().getTimeAsMs(LOCALITY_WAIT, "3s");
        if (wait > 0) {
            LOG.info(
                    "{} is {} ms: training tasks are shorter, so an executor that replaces a lost one gets none"
                            + " while the executors holding the cached shards are busy; set it to 0 for training",
                    LOCALITY_WAIT,
                    wait);
        }
        return shardSizes;
    }

    /**
     * Shards an in-memory data set: row i becomes sample i, the rows split into {@code partitions} consecutive
     * ranges as {@code parallelize} splits a list. The data set is broadcast once and each partition cuts its
     * shard from it, so jobs stay small. Once the shards are cached the executors drop their copies of the
     * broadcast, so an executor holds only its shards, not a second, whole copy of the data; the driver keeps
     * the data set until {@link #close()} and sends it again only to an executor that has to rebuild a lost
     * shard.
     *
     * @throws IllegalArgumentException when {@code partitions} is not positive or the data set is empty
     * @throws InvalidSampleException   naming the sample of a value that is not finite
     */
    public static ShardedSamples parallelize(JavaSparkContext context, Dataset data, int partitions) {
        Objects.requireNonNull(context, "context");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        if (data.size() < 1) {
            throw new IllegalArgumentException("The data set has no samples to train on");
        }
        PackedSamples packed = PackedSamples.of(data);
        Broadcast<PackedSamples> source = context.broadcast(packed);
        List<Integer> indices = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            indices.add(p);
        }
        JavaRDD<Shard> shards = context.parallelize(indices, partitions)
                .mapPartitionsWithIndex(new ShardSlicer(source, partitions), true);
        shards.setName("bp shards of " + data);
        shards.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            int[] sizes = sizes(context, shards);
            // the shards are cached: executors drop their copies of the whole data set; the driver keeps its
            // own and sends it again only if a lost shard has to be cut anew
            source.unpersist(false);
            return new ShardedSamples(context, shards, packed.featureCount(), packed.targetCount(), sizes, source);
        } catch (RuntimeException e) {
            shards.unpersist(false);
            source.destroy();
            throw e;
        }
    }

    /** The number of samples, n. */
    public int size() {
        return size;
    }

    /** The number of features of every sample. */
    public int featureCount() {
        return featureCount;
    }

    /** The number of targets of every sample. */
    public int targetCount() {
        return targetCount;
    }

    /** The number of partitions, each one shard. */
    public int partitionCount() {
        return shardSizes.length;
    }

    /** The number of samples in partition {@code partition}. */
    public int shardSize(int partition) {
        return shardSizes[partition];
    }

    /** The Spark context the shards live in. */
    public JavaSparkContext context() {
        return context;
    }

    /** The cached shards, one per partition. */
    JavaRDD<Shard> shards() {
        return shards;
    }

    /**
     * Releases the cached shards (and the broadcast data set of {@link #parallelize}); training on a closed
     * instance recomputes the shards from an RDD of samples, or fails for a parallelized data set.
     */
    @Override
    public void close() {
        shards.unpersist(false);
        if (source != null) {
            source.destroy();
        }
    }

    @Override
    public String toString() {
        return "ShardedSamples[" + size + " samples, " + featureCount + " features, " + targetCount + " targets, "
                + shardSizes.length + " partitions]";
    }
}
