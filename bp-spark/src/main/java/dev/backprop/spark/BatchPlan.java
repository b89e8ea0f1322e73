package dev.backprop.spark;

import dev.backprop.core.data.Dataset;
import dev.backprop.data.batching.ShuffledBatches;
import java.io.Serializable;
import org.ejml.data.DMatrixRMaj;

/**
 * How the samples are cut into global batches, epoch after epoch: exactly as
 * {@link ShuffledBatches} with the same settings cuts an in-memory data set of the same n samples. Epoch e
 * visits the samples in the order of a Fisher–Yates shuffle of {@code 0 … n − 1} drawn from the seed and e (or
 * in index order without shuffling), and global batch b holds positions {@code [b·size, min((b+1)·size, n))} of
 * that order; the last, smaller batch is kept unless {@code dropLast}.
 *
 * @param batchSize samples per global batch, at least 1
 * @param seed      the seed of the per-epoch shuffles
 * @param shuffle   whether each epoch's order is shuffled
 * @param dropLast  whether an epoch's last batch is dropped when smaller than {@code batchSize}
 */
public record BatchPlan(int batchSize, long seed, boolean shuffle, boolean dropLast) implements Serializable {

    /**
     * Checks the batch size.
     *
     * @throws IllegalArgumentException when {@code batchSize} is below 1
     */
    public BatchPlan {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
    }

    /** Shuffled batches of the given size from the given seed, the last partial batch kept. */
    public static BatchPlan of(int batchSize, long seed) {
        return new BatchPlan(batchSize, seed, true, false);
    }

    /**
     * The order of one epoch over n samples, taken from {@link ShuffledBatches} itself so that the two can never
     * disagree.
     *
     * @throws IllegalArgumentException when dropping the last batch would leave none
     */
    EpochPlan epoch(int epoch, int n) {
        ShuffledBatches batches = ShuffledBatches.builder(new IndexSpace(n))
                .batchSize(batchSize)
                .seed(seed)
                .shuffle(shuffle)
                .dropLast(dropLast)
                .build();
        int count = batches.beginEpoch(epoch);
        return new EpochPlan(epoch, batchSize, count, batches.epochOrder());
    }

    /** The sample indices 0 … n − 1 and nothing else: what {@link ShuffledBatches} needs to fix an order. */
    private record IndexSpace(int size) implements Dataset {

        @Override
        public int featureCount() {
            return 1;
        }

        @Override
        public int targetCount() {
            return 1;
        }

        @Override
        public void copyRows(int[] order, int from, int to, DMatrixRMaj features, DMatrixRMaj targets) {
            features.reshape(to - from, 1);
            targets.reshape(to - from, 1);
        }
    }
}
