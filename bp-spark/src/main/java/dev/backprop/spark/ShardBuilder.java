package dev.backprop.spark;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import scala.Tuple2;

/**
 * Packs the samples of one partition, each paired with its RDD index, into a {@link Shard}, checking every
 * sample's shape and values on the way: a sample that does not fit fails the job with an
 * {@link InvalidSampleException} naming its partition and row.
 */
final class ShardBuilder implements Function2<Integer, Iterator<Tuple2<Sample, Long>>, Iterator<Shard>> {

    private static final long serialVersionUID = 1L;

    private final int featureCount;
    private final int targetCount;

    ShardBuilder(int featureCount, int targetCount) {
        this.featureCount = featureCount;
        this.targetCount = targetCount;
    }

    @Override
    public Iterator<Shard> call(Integer partition, Iterator<Tuple2<Sample, Long>> samples) {
        int f = featureCount;
        int t = targetCount;
        int capacity = 16;
        int[] index = new int[capacity];
        double[] features = new double[capacity * f];
        double[] targets = new double[capacity * t];
        int rows = 0;
        while (samples.hasNext()) {
            Tuple2<Sample, Long> next = samples.next();
            Sample sample = next._1();
            long rddIndex = next._2();
            check(partition, rows, rddIndex, sample);
            if (rows == capacity) {
                capacity *= 2;
                index = Arrays.copyOf(index, capacity);
                features = Arrays.copyOf(features, capacity * f);
                targets = Arrays.copyOf(targets, capacity * t);
            }
            index[rows] = (int) rddIndex;
            System.arraycopy(sample.features(), 0, features, rows * f, f);
            System.arraycopy(sample.targets(), 0, targets, rows * t, t);
            rows++;
        }
        return List.of(new Shard(
                        partition,
                        rows,
                        f,
                        t,
                        Arrays.copyOf(index, rows),
                        Arrays.copyOf(features, rows * f),
                        Arrays.copyOf(targets, rows * t)))
                .iterator();
    }

    private void check(int partition, int row, long rddIndex, Sample sample) {
        String where = "Sample " + rddIndex + " of the RDD (partition " + partition + ", row " + row + ")";
        if (rddIndex > Integer.MAX_VALUE) {
            throw new InvalidSampleException(
                    partition,
                    row,
                    where + " is beyond the " + Integer.MAX_VALUE + " samples a data set can index",
                    null);
        }
        if (sample == null) {
            throw new InvalidSampleException(partition, row, where + " is null", null);
        }
        if (sample.features().length != featureCount) {
            throw new InvalidSampleException(
                    partition,
                    row,
                    where + " has " + sample.features().length
                            + " features but the first sample has " + featureCount
                            + "; every sample needs the same number of features",
                    null);
        }
        if (sample.targets().length != targetCount) {
            throw new InvalidSampleException(
                    partition,
                    row,
                    where + " has " + sample.targets().length
                            + " targets but the first sample has " + targetCount
                            + "; every sample needs the same number of targets",
                    null);
        }
        requireFinite(partition, row, where, "feature", sample.features());
        requireFinite(partition, row, where, "target", sample.targets());
    }

    private static void requireFinite(int partition, int row, String where, String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidSampleException(
                        partition,
                        row,
                        where + ": " + what + " " + i + " is " + values[i] + "; samples must hold finite values",
                        null);
            }
        }
    }
}
