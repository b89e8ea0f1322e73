package dev.backprop.core.train;

/**
 * Training produced a loss or gradient that is NaN or infinite, or a {@link DivergenceRule} fired. The message names the epoch, the batch and,
 * for a gradient, the layer, parameter and entry; the history up to the last finished epoch is kept.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient History history;
    private final int epoch;
    private final int batch;

    /**
     * An exception for a run that diverged.
     *
     * @param message names the epoch, batch and, for a gradient, the parameter and entry
     * @param history the epochs that finished
     * @param epoch   the epoch of the failure, from 0
     * @param batch   the batch of the failure within the epoch, from 0; −1 when a whole epoch's figures
     *                showed it (see {@link DivergenceRule})
     */
    public TrainingDivergedException(String message, History history, int epoch, int batch) {
        super(message);
        this.history = history;
        this.epoch = epoch;
        this.batch = batch;
    }

    /** The epochs that finished before the failure. */
    public History history() {
        return history;
    }

    /** The epoch in which the failure occurred. */
    public int epoch() {
        return epoch;
    }

    /** The batch within the epoch. */
    public int batch() {
        return batch;
    }
}
