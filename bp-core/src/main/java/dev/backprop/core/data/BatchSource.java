package dev.backprop.core.data;

/**
 * The minibatches of one epoch after another. The order of an epoch depends only on the source's own
 * settings (seed, batch size) and the epoch number, never on how many epochs were read before, so that a run
 * resumed at epoch e sees exactly the batches an uninterrupted run sees.
 */
public interface BatchSource {

    /** The number of samples one epoch covers. */
    int sampleCount();

    /**
     * Prepares an epoch.
     *
     * @param epoch the epoch number, from 0
     * @return the number of batches in that epoch
     */
    int beginEpoch(int epoch);

    /**
     * Batch {@code index} of the epoch last begun, in buffers the source reuses: no allocation per batch once
     * the buffers have reached their largest size.
     *
     * @throws IndexOutOfBoundsException when {@code index} is outside {@code [0, batch count)}
     */
    Batch batch(int index);
}
