package dev.backprop.core.train;

import dev.backprop.core.data.Batch;
import dev.backprop.core.data.BatchSource;
import dev.backprop.core.network.Network;
import dev.backprop.core.spi.Loss;

/**
 * Where the trainer gets each step's gradients. The usual source runs the network's own forward and backward
 * pass on a minibatch from a {@link BatchSource} ({@link #local}); a distributed source
 * computes the same gradients on a cluster and sums them, and the trainer applies the optimizer as usual.
 */
public interface GradientSource {

    /**
     * Prepares an epoch; as with {@link BatchSource#beginEpoch}, the batches of an epoch
     * depend only on the epoch number.
     *
     * @return the number of batches (optimisation steps) in the epoch
     */
    int beginEpoch(int epoch);

    /**
     * Fills every parameter's gradient ({@link Network#parameters()}) with the gradient of the loss on batch
     * {@code index} of the current epoch, at the network's current weights.
     *
     * @param step the global step number, which seeds dropout masks
     * @return the batch's loss value
     */
    double computeGradients(Network network, Loss loss, int index, long step);

    /** The number of samples in the batch of the last {@link #computeGradients} call. */
    int lastBatchSize();

    /** The source that trains on minibatches in this JVM. */
    static GradientSource local(BatchSource batches) {
        return new GradientSource() {
            private int size;

            @Override
            public int beginEpoch(int epoch) {
                return batches.beginEpoch(epoch);
            }

            @Override
            public double computeGradients(Network network, Loss loss, int index, long step) {
                Batch batch = batches.batch(index);
                size = batch.size();
                return network.computeTrainingGradients(batch.features(), batch.targets(), loss, step);
            }

            @Override
            public int lastBatchSize() {
                return size;
            }
        };
    }
}
