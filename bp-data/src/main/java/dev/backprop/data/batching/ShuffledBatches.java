package dev.backprop.data.batching;

import dev.backprop.core.data.Batch;
import dev.backprop.core.data.BatchSource;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.random.Rng;
import org.ejml.data.DMatrixRMaj;

/**
 * The minibatches of a data set, epoch after epoch, features and targets of a sample kept together.
 *
 * <p>With shuffling on, epoch e visits the samples in the order of a Fisher–Yates shuffle of
 * {@code 0 … n − 1} drawn from {@code new Rng(Rng.derive(seed, e))}: the order depends only on the seed and the
 * epoch number, so a run resumed at epoch e sees the batches an uninterrupted run sees, and a different seed or
 * epoch gives a different order. With shuffling off every epoch visits the samples in index order.
 *
 * <p>Batch b holds positions {@code [b·size, min((b+1)·size, n))} of the epoch's order. When n is not a multiple
 * of the batch size the last batch is smaller, or dropped with {@link Builder#dropLast(boolean) dropLast(true)}.
 *
 * <p>The order array, the random generator, both buffers and the returned {@link Batch} are allocated once, in
 * the constructor, at the largest batch size; {@link #batch(int)} only reshapes the buffers (which keeps their
 * arrays) and copies rows into them, so it allocates nothing. The returned batch is overwritten by the next
 * call. Not thread-safe.
 */
public final class ShuffledBatches implements BatchSource {

    private final Dataset dataset;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;
    private final boolean dropLast;
    private final int[] order;
    private final Rng rng;
    private final DMatrixRMaj featureBuffer;
    private final DMatrixRMaj targetBuffer;
    private final Batch batch;
    private int batchCount = -1;
    private int epoch = -1;

    private ShuffledBatches(Builder builder) {
        this.dataset = builder.dataset;
        this.batchSize = builder.batchSize;
        this.seed = builder.seed;
        this.shuffle = builder.shuffle;
        this.dropLast = builder.dropLast;
        int n = dataset.size();
        this.order = new int[n];
        this.rng = new Rng(seed);
        int rows = Math.min(batchSize, n);
        this.featureBuffer = new DMatrixRMaj(rows, dataset.featureCount());
        this.targetBuffer = new DMatrixRMaj(rows, dataset.targetCount());
        this.batch = new Batch(featureBuffer, targetBuffer);
    }

    /**
     * A builder for the batches of a data set: batch size 32, seed 0, shuffling on, last partial batch kept.
     *
     * @param dataset the samples, at least one. Read, never modified.
     */
    public static Builder builder(Dataset dataset) {
        return new Builder(dataset);
    }

    @Override
    public int sampleCount() {
        return dataset.size();
    }

    /** The number of samples in a full batch. */
    public int batchSize() {
        return batchSize;
    }

    /** The seed of the shuffles. */
    public long seed() {
        return seed;
    }

    /** Whether each epoch's order is shuffled. */
    public boolean shuffles() {
        return shuffle;
    }

    /** Whether the last batch of an epoch is dropped when it is smaller than {@link #batchSize()}. */
    public boolean dropsLast() {
        return dropLast;
    }

    /**
     * The number of batches in every epoch: {@code ⌊n / size⌋} when dropping the last partial batch, otherwise
     * {@code ⌈n / size⌉}.
     */
    public int batchesPerEpoch() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /**
     * Fixes the order of epoch {@code epoch} and returns its number of batches.
     *
     * @param epoch from 0
     * @throws IllegalArgumentException when {@code epoch} is negative
     */
    @Override
    public int beginEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be at least 0, got " + epoch);
        }
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (shuffle) {
            // the order of epoch e is a function of (seed, e) only
            rng.reseed(Rng.derive(seed, epoch));
            rng.shuffle(order);
        }
        this.epoch = epoch;
        this.batchCount = batchesPerEpoch();
        return batchCount;
    }

    /** The epoch last begun, or −1 before the first {@link #beginEpoch(int)}. */
    public int epoch() {
        return epoch;
    }

    /**
     * The sample indices of the current epoch in visiting order, a copy.
     *
     * @throws IllegalStateException before the first {@link #beginEpoch(int)}
     */
    public int[] epochOrder() {
        requireEpoch();
        return order.clone();
    }

    /**
     * Batch {@code index} of the current epoch, in this source's reused buffers.
     *
     * @throws IllegalStateException     before the first {@link #beginEpoch(int)}
     * @throws IndexOutOfBoundsException when {@code index} is outside {@code [0, batch count)}
     */
    @Override
    public Batch batch(int index) {
        requireEpoch();
        if (index < 0 || index >= batchCount) {
            throw new IndexOutOfBoundsException(
                    "batch " + index + " is outside [0, " + batchCount + ") of epoch " + epoch);
        }
        int from = index * batchSize;
        int to = Math.min(from + batchSize, order.length);
        // rows r of the batch = samples order[from + r], features and targets together
        dataset.copyRows(order, from, to, featureBuffer, targetBuffer);
        return batch;
    }

    private void requireEpoch() {
        if (epoch < 0) {
            throw new IllegalStateException("call beginEpoch(epoch) before reading batches");
        }
    }

    /** Settings of a {@link ShuffledBatches}, checked by {@link #build()}. */
    public static final class Builder {

        private final Dataset dataset;
        private int batchSize = 32;
        private long seed;
        private boolean shuffle = true;
        private boolean dropLast;

        private Builder(Dataset dataset) {
            if (dataset == null) {
                throw new IllegalArgumentException("dataset must not be null");
            }
            this.dataset = dataset;
        }

        /**
         * The number of samples per batch, at least 1 (default 32). A size larger than the data set gives one
         * batch of all samples (unless the last partial batch is dropped).
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** The seed of the per-epoch shuffles (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Whether to shuffle each epoch (default true); off, every epoch is in index order. */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** Whether to drop the last batch of an epoch when it is smaller than the batch size (default false). */
        public Builder dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /**
         * The batch source.
         *
         * @throws IllegalArgumentException when the data set is empty, or when dropping the last partial batch
         *                                  would leave no batch at all
         */
        public ShuffledBatches build() {
            int n = dataset.size();
            if (n < 1) {
                throw new IllegalArgumentException("cannot batch an empty data set");
            }
            if (dropLast && batchSize > n) {
                throw new IllegalArgumentException("batchSize " + batchSize + " with dropLast leaves no batch for " + n
                        + " samples; use a batch size of at most " + n + " or keep the last batch");
            }
            return new ShuffledBatches(this);
        }
    }
}
